// The verdict legend: each mark as it appears in the documents, with its
// word, so the patterns read without colour. Used by the HTML export and the
// <lacuna-compare> element (the page's own legend is in index.html).
import { h } from '../dom.js';
import { statusWord } from '../format.js';

export function statusLegend() {
  return h('p', { class: 'legend' }, ['covered', 'partial', 'omitted', 'unsupported'].map((status) =>
    h('span', { class: 'legend-item' },
      h('span', { class: 'para', 'data-status': status }, h('span', { class: 's', 'data-status': status, text: statusWord(status, 'report') })))));
}
