// Wording and number formats shared by the page and the exported report.

const integer = new Intl.NumberFormat('en-US');

export const int = (n) => integer.format(n);

/** A share in [0, 1] as a percentage, one decimal below 10%. */
export function pct(x) {
  const p = x * 100;
  return `${p < 10 && p !== 0 ? p.toFixed(1) : Math.round(p)}%`;
}

export function plural(n, one, many = `${one}s`) {
  return `${int(n)} ${n === 1 ? one : many}`;
}

export function sectionLabel(path) {
  return path.length ? path.join(' › ') : 'Before the first heading';
}

/** Status words, so meaning never rests on colour alone. */
const STATUS_WORDS = {
  covered: 'Covered',
  partial: 'Partly covered',
  omitted: 'Omitted',
  supported: 'Supported by the report',
  unsupported: 'Not found in the report',
};

/** A missing status is a summary heading's (it makes no claim) or a result not yet scored. */
export function statusWord(status, side) {
  if (status === 'partial' && side === 'summary') return 'Partly supported';
  return STATUS_WORDS[status] ?? (side === 'summary' ? 'A heading: no claim to check' : 'Not scored');
}

/** Tooltip for a paragraph or sentence: its verdict and score. */
export function verdict(item, side) {
  const score = side === 'report' ? item.coverage : item.support;
  const word = statusWord(item.status, side);
  if (score == null) return word;
  return `${word} · ${pct(score)} ${side === 'report' ? 'conveyed by the summary' : 'supported by the report'}`;
}

export const FACT_KINDS = {
  name: 'Names',
  number: 'Numbers',
  date: 'Dates',
  money: 'Sums of money',
  percent: 'Percentages',
  quote: 'Quotations',
};

export function ms(t) {
  return t < 1000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`;
}
