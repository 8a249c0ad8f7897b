// The alignment panel: for the active sentence, the sentences of the other
// document it is linked with, the terms they share and the word diff.
import { h } from '../dom.js';
import { pct, sectionLabel, statusWord } from '../format.js';

/** The core's word diff as text: kept words plain, dropped struck, added underlined. */
export function diffElement(diff, reportText, summaryText) {
  const el = h('p', { class: 'diff' });
  diff.spans.forEach((span, i) => {
    if (i) el.append(' ');
    if (span.kind === 'added') el.append(h('ins', { text: summaryText.slice(span.summary.start, span.summary.end) }));
    else if (span.kind === 'dropped') el.append(h('del', { text: reportText.slice(span.report.start, span.report.end) }));
    else el.append(h('span', { class: 'kept', text: reportText.slice(span.report.start, span.report.end) }));
  });
  return el;
}

function terms(list) {
  if (!list.length) return null;
  return h('p', { class: 'chips terms' }, h('span', { class: 'chips-label', text: 'Shared terms: ' }),
    list.map((t) => h('span', { class: 'chip', text: t })));
}

/**
 * Renders the panel for `sentence` of `side`. `other` looks up the other
 * side's sentences and paragraphs; `diffFor(target)` returns (a promise of) the
 * word diff between `sentence` and the linked `target`; `onGo(link)` shows a linked sentence.
 */
export function renderLinkDetail(body, { side, sentence, paragraph, other, diffFor, onGo }) {
  const score = side === 'summary' ? sentence.support : sentence.coverage;
  const otherName = side === 'summary' ? 'report' : 'summary';
  const links = sentence.links ?? [];
  const items = links.map((link) => {
    const target = other.sentence(link.sentence);
    const where = otherName === 'report' ? ` · ${sectionLabel(other.paragraph(link.paragraph).section)}` : '';
    const diffSlot = h('div', { class: 'diff-slot' });
    Promise.resolve(diffFor(target)).then((diff) => {
      if (!diff) return;
      const [reportText, summaryText] = side === 'summary' ? [target.text, sentence.text] : [sentence.text, target.text];
      diffSlot.replaceChildren(diffElement(diff, reportText, summaryText),
        h('p', { class: 'hint', text: `${pct(diff.kept_share)} of the report sentence's words kept.` }));
    }).catch(() => diffSlot.replaceChildren(h('p', { class: 'diff', text: target.text })));
    return h('li', { class: 'link' },
      h('div', { class: 'link-head' },
        h('span', { text: `${otherName === 'report' ? 'Report' : 'Summary'} paragraph ${link.paragraph + 1}${where}` }),
        h('span', { class: 'link-score', text: `match ${pct(link.score)}` }),
        h('button', { type: 'button', class: 'button small', onclick: () => onGo(link), text: `Show in ${otherName}` })),
      terms(link.terms),
      diffSlot);
  });
  body.replaceChildren(
    h('p', { class: 'link-subject' },
      h('span', { class: 'status-tag', 'data-status': sentence.status, text: statusWord(sentence.status, side) }),
      ` ${side === 'summary' ? 'Summary' : 'Report'} sentence, paragraph ${paragraph.id + 1}`,
      score == null ? '' : ` · ${pct(score)} ${side === 'summary' ? 'supported' : 'conveyed'}`),
    items.length
      ? h('ol', { class: 'links' }, items)
      : h('p', { class: 'hint', text: side === 'summary'
        ? 'No report sentence seems to say this: check it against the report.'
        : 'No summary sentence draws on this sentence.' }),
  );
}
