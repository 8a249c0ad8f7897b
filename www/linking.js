// Links the two panes: the shown sentence lights up the sentences of the
// other document it is aligned with, scrolls the other pane to the best one
// and fills the alignment panel. Clicking or focusing a sentence pins it;
// hovering previews another, and leaving the pane goes back to the pinned
// one, so the pointer can travel to the alignment panel without losing it.
import { scrollPaneTo } from './dom.js';
import { renderLinkDetail } from './render/link-detail.js';

const DWELL_MS = 250; // a pointer merely passing over a sentence should not scroll the other pane
const other = (side) => (side === 'summary' ? 'report' : 'summary');

export class Linking {
  #views;
  #body;
  #announce;
  #engine;
  #shown = null; // {side, id}
  #pinned = null; // {side, id}
  #lit = [];
  #dwell = 0;

  constructor(views, body, announce, engine) {
    this.#views = views;
    this.#body = body;
    this.#announce = announce;
    this.#engine = engine;
    for (const side of ['summary', 'report']) {
      const view = views[side];
      const pane = view.container;
      pane.addEventListener('mouseover', (e) => {
        const sentence = view.sentenceFromEvent(e);
        if (!sentence) return;
        this.#show(side, sentence.id);
        clearTimeout(this.#dwell);
        this.#dwell = setTimeout(() => this.#scrollOther(), DWELL_MS);
      });
      pane.addEventListener('mouseleave', () => {
        clearTimeout(this.#dwell);
        if (this.#pinned) this.#show(this.#pinned.side, this.#pinned.id);
      });
      pane.addEventListener('focusin', (e) => {
        const sentence = view.sentenceFromEvent(e);
        if (sentence) this.activate(side, sentence.id, { announce: true });
      });
      pane.addEventListener('click', (e) => {
        const sentence = view.sentenceFromEvent(e);
        if (sentence) this.activate(side, sentence.id);
      });
    }
  }

  /** Pins sentence `id` of `side`, shows its links and scrolls the other pane to the best one. */
  activate(side, id, { announce = false } = {}) {
    const sentence = this.#views[side].sentence(id);
    if (!sentence) return;
    this.#pinned = { side, id };
    this.#show(side, id);
    this.#scrollOther();
    if (announce) {
      const n = sentence.links?.length ?? 0;
      this.#announce.textContent = n
        ? `${n} linked ${other(side)} sentence${n === 1 ? '' : 's'}, shown in the alignment panel.`
        : 'No linked sentences.';
    }
  }

  /** Drops the selection; `placeholder` (optional) replaces the panel's content. */
  clear(placeholder) {
    this.#pinned = null;
    this.#shown = null;
    this.#unlight();
    if (placeholder) this.#body.replaceChildren(placeholder);
  }

  /** Re-reads the shown sentence after the result changed (e.g. a new threshold). */
  refresh() {
    if (this.#shown) this.#show(this.#shown.side, this.#shown.id, true);
  }

  #show(side, id, force = false) {
    if (!force && this.#shown?.side === side && this.#shown.id === id) return;
    const view = this.#views[side];
    const there = this.#views[other(side)];
    const sentence = view.sentence(id);
    if (!sentence) return;
    this.#shown = { side, id };
    this.#unlight();
    this.#mark(view.sentenceEl(id), 'active');
    (sentence.links ?? []).forEach((link, i) => this.#mark(there.sentenceEl(link.sentence), 'linked', ...(i ? [] : ['linked-best'])));
    renderLinkDetail(this.#body, {
      side,
      sentence,
      paragraph: view.paragraphOf(id),
      other: there,
      diffFor: (target) => this.#diff(side, sentence, target),
      onGo: (link) => this.activate(other(side), link.sentence),
    });
  }

  #mark(el, ...classes) {
    if (!el) return;
    el.classList.add(...classes);
    this.#lit.push(el);
  }

  #unlight() {
    for (const el of this.#lit) el.classList.remove('active', 'linked', 'linked-best');
    this.#lit = [];
  }

  #scrollOther() {
    if (!this.#shown) return;
    const { side, id } = this.#shown;
    const best = this.#views[side].sentence(id)?.links?.[0];
    if (!best) return;
    const there = this.#views[other(side)];
    const el = there.sentenceEl(best.sentence);
    if (el) scrollPaneTo(there.container, el);
  }

  /** The core computed diffs for summary-side links; the reverse pairs ask it afresh. */
  #diff(side, sentence, target) {
    const [summarySentence, reportSentence] = side === 'summary' ? [sentence, target] : [target, sentence];
    const known = summarySentence.links?.find((l) => l.sentence === reportSentence.id)?.diff;
    return known ?? this.#engine.wordDiff(reportSentence.text, summarySentence.text);
  }
}
