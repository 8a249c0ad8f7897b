// Headline figures and notices; the figures are also reused by the HTML export.
import { h } from '../dom.js';
import { int, pct, plural } from '../format.js';

/** The figure groups (<div><dt><dd>) for a `<dl>`. */
export function figureItems(result) {
  const { stats, facts } = result;
  const body = stats.covered_paragraphs + stats.partial_paragraphs + stats.omitted_paragraphs;
  const ratio = stats.compression > 0 ? Math.round(1 / stats.compression) : 0;
  const figure = (key, label, value, detail) =>
    h('div', { class: `figure figure-${key}`, 'data-figure': key },
      h('dt', { text: label }),
      h('dd', { class: 'figure-value', text: value }),
      h('dd', { class: 'figure-detail', text: detail }));
  return [
    figure('coverage', 'Report covered', pct(stats.coverage),
      `of ${int(stats.body_words)} words of body text are conveyed by the summary`),
    figure('omissions', 'Omitted passages', int(result.omissions.length),
      `${int(stats.omitted_paragraphs)} of ${plural(body, 'body paragraph')} left out entirely`),
    figure('facts', 'Facts dropped', int(facts.dropped.length),
      'names, numbers, dates and quotes the summary never mentions'),
    figure('unsupported', 'Unsupported sentences', int(stats.unsupported_sentences),
      `of ${int(stats.summary_sentences)} summary sentences; ${plural(facts.unsupported.length, 'fact')} not found in the report`),
    figure('compression', 'Compression', ratio ? `1 : ${int(ratio)}` : '—',
      `${int(stats.summary_words)} summary words for ${int(stats.report_words)} report words (${pct(stats.compression)})`),
  ];
}

export function renderFigures(container, result) {
  container.replaceChildren(...figureItems(result));
}

export function renderNotices(container, notices) {
  container.replaceChildren(...notices.map((n) => h('p', { class: 'notice', 'data-code': n.code, text: n.message })));
}
