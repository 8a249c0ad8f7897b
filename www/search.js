// Find in either document: every match highlighted, Enter / ↓ and ↑ step
// through them. Searches the segmented text the panes show.
import { highlight, rangeIn } from './highlight.js';
import { int } from './format.js';

const MAX_MATCHES = 5000;

export class Search {
  #els;
  #views;
  #reveal;
  #matches = []; // {id, start, end}
  #current = -1;
  #timer = 0;

  /** `reveal(side, element)` scrolls a match into view. */
  constructor(els, views, reveal) {
    this.#els = els;
    this.#views = views;
    this.#reveal = reveal;
    els.input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.run(), 150);
    });
    els.side.addEventListener('change', () => this.run());
    els.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.step(1);
    });
    els.prev.addEventListener('click', () => this.step(-1));
    els.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.shiftKey) {
        e.preventDefault();
        this.step(-1);
      } else if (e.key === 'Escape') {
        els.input.value = '';
        this.run();
      }
    });
  }

  focus() {
    this.#els.input.focus();
    this.#els.input.select();
  }

  /** Re-runs the query, e.g. after a new comparison replaced the documents. */
  run() {
    const query = this.#els.input.value.trim();
    const view = this.#views[this.#els.side.value];
    this.#matches = [];
    this.#current = -1;
    if (query && view.doc) {
      const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'giu');
      outer: for (const paragraph of view.doc.paragraphs) {
        for (const sentence of paragraph.sentences) {
          for (const m of sentence.text.matchAll(pattern)) {
            this.#matches.push({ id: sentence.id, start: m.index, end: m.index + m[0].length });
            if (this.#matches.length >= MAX_MATCHES) break outer;
          }
        }
      }
    }
    highlight('search', this.#matches.map((m) => rangeIn(view.sentenceEl(m.id), m.start, m.end)));
    highlight('search-current', []);
    this.#count(query);
    if (this.#matches.length) this.step(1);
  }

  step(step) {
    const n = this.#matches.length;
    if (!n) return;
    this.#current = this.#current < 0 ? 0 : (this.#current + step + n) % n;
    const match = this.#matches[this.#current];
    const side = this.#els.side.value;
    const el = this.#views[side].sentenceEl(match.id);
    highlight('search-current', [rangeIn(el, match.start, match.end)]);
    this.#reveal(side, el);
    this.#count(this.#els.input.value.trim());
  }

  #count(query) {
    const n = this.#matches.length;
    this.#els.count.textContent = !query ? ''
      : !n ? 'No matches'
      : `${int(this.#current + 1)} of ${int(n)}${n >= MAX_MATCHES ? '+' : ''}`;
  }
}
