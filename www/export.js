// Exports of a comparison: the full result as JSON, omissions and dropped
// facts as CSV, and a self-contained HTML report (inline CSS, no scripts)
// that opens offline and prints well.
import { download, h } from './dom.js';
import { FACT_KINDS, int, pct, sectionLabel } from './format.js';
import { figureItems } from './render/figures.js';
import { paragraphElement } from './render/document.js';
import { omissionDetails, sizeWeightBars } from './render/omissions.js';
import { groupByKind } from './render/facts.js';
import { statusLegend } from './render/legend.js';

const STYLESHEETS = ['styles/base.css', 'styles/export.css'];

export function exportJson(result) {
  download('lacuna-result.json', JSON.stringify(result, null, 1), 'application/json');
}

/** One CSV cell; text that a spreadsheet would run as a formula is defused. */
function cell(value) {
  if (typeof value === 'number') return String(value);
  let text = Array.isArray(value) ? value.join('; ') : String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header, rows) {
  // The byte-order mark tells spreadsheet programs the file is UTF-8.
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function exportOmissionsCsv(result) {
  const rows = result.omissions.map((o) => [
    o.rank, Number(o.weight.toFixed(3)), sectionLabel(o.section), o.words,
    o.paragraphs.map((p) => p + 1), o.start, o.end, o.key_terms, o.facts, o.preview,
  ]);
  download('lacuna-omissions.csv', csv(
    ['rank', 'weight', 'section', 'words', 'paragraphs', 'start', 'end', 'key_terms', 'dropped_facts', 'preview'], rows),
  'text/csv');
}

export function exportFactsCsv(result) {
  const paragraphs = result.report.paragraphs;
  const rows = result.facts.dropped.map((f) => [
    f.kind, f.text, f.occurrences.length,
    [...new Set(f.occurrences.map((o) => o.paragraph + 1))],
    sectionLabel(paragraphs[f.occurrences[0]?.paragraph]?.section ?? []),
  ]);
  download('lacuna-dropped-facts.csv', csv(['kind', 'fact', 'occurrences', 'paragraphs', 'first_section'], rows), 'text/csv');
}

/** `about`: {summaryName, reportName, threshold, credit}. */
export async function exportHtml(result, about) {
  const css = await Promise.all(STYLESHEETS.map(async (url) => (await fetch(url)).text()));
  download('lacuna-report.html', htmlReport(result, about, css.join('\n')), 'text/html');
}

function htmlReport(result, about, css) {
  const maxWeight = result.omissions[0]?.weight ?? 0;
  const anchor = (id) => `#p-${id}`;
  const documentSection = (title, side) => h('section', { class: 'doc-section' },
    h('h2', { text: title }),
    h('div', { class: 'doc' }, result[side].paragraphs.map((p) => {
      const el = paragraphElement(p, side);
      if (side === 'report') el.id = `p-${p.id}`;
      return el;
    })));

  const body = h('div', {},
    h('header', { class: 'export-header' },
      h('h1', { text: 'What the summary leaves out' }),
      h('p', { text: `Summary: ${about.summaryName}. Full report: ${about.reportName}.` }),
      h('p', { class: 'hint', text: `Compared by Lacuna in the browser on ${new Date().toLocaleString('en-GB')}; `
        + `report text counts as covered at ${pct(about.threshold)} or more. No document was uploaded anywhere.` }),
      about.credit ? h('p', { class: 'hint', text: about.credit }) : null,
      statusLegend()),
    h('dl', { class: 'figures' }, figureItems(result)),
    result.notices.map((n) => h('p', { class: 'notice', text: n.message })),
    h('nav', { class: 'export-contents', 'aria-label': 'Contents' },
      h('a', { href: '#omissions', text: 'Omitted passages' }), ' · ',
      h('a', { href: '#facts', text: 'Dropped facts' }), ' · ',
      h('a', { href: '#sections', text: 'Sections' }), ' · ',
      h('a', { href: '#report', text: 'Highlighted report' }), ' · ',
      h('a', { href: '#summary', text: 'Highlighted summary' })),
    h('section', { id: 'omissions' },
      h('h2', { text: `Omitted passages (${int(result.omissions.length)}), weightiest first` }),
      h('ol', { class: 'omissions' }, result.omissions.map((o) =>
        h('li', { class: 'omission' },
          h('a', { class: 'omission-open', href: anchor(o.paragraphs[0]) },
            h('span', { class: 'rank', text: `#${o.rank}` }),
            h('span', { class: 'omission-section', text: sectionLabel(o.section) })),
          omissionDetails(o, maxWeight))))),
    h('section', { id: 'facts' },
      h('h2', { text: `Dropped facts (${int(result.facts.dropped.length)})` }),
      groupByKind(result.facts.dropped).map(([kind, list]) => [
        h('h3', { text: `${FACT_KINDS[kind]} (${int(list.length)})` }),
        h('p', { class: 'fact-inline' }, list.map((f, i) => [i ? ' · ' : '',
          h('a', { href: anchor(f.occurrences[0].paragraph), text: f.text })])),
      ]),
      h('h2', { text: `Unsupported facts (${int(result.facts.unsupported.length)})` }),
      h('p', { class: 'fact-inline', text: result.facts.unsupported.map((f) => f.text).join(' · ') || 'None.' })),
    h('section', { id: 'sections' },
      h('h2', { text: 'Coverage by section' }),
      h('table', { class: 'section-table' },
        h('thead', {}, h('tr', {}, ['Section', 'Covered', 'Omitted paragraphs', 'Words'].map((t) => h('th', { text: t })))),
        h('tbody', {}, result.sections.map((s) => h('tr', {},
          h('td', {}, h('a', { href: anchor(s.first_paragraph), text: sectionLabel(s.path) })),
          h('td', { text: pct(s.coverage) }),
          h('td', { text: `${int(s.omitted)} of ${int(s.paragraphs)}` }),
          h('td', { text: int(s.words) })))))),
    h('div', { id: 'report' }, documentSection('The report, highlighted', 'report')),
    h('div', { id: 'summary' }, documentSection('The summary, highlighted', 'summary')),
  );
  sizeWeightBars(body);
  // Only the stylesheets (our own files) are pasted in as they are; everything from the
  // documents went through text nodes above and is escaped by the serialiser.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lacuna: what the summary leaves out</title>
<style>
${css}
</style>
</head>
<body class="export">
${body.innerHTML}
</body>
</html>
`;
}
