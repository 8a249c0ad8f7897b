// Renders one segmented document (summary or report) as paragraphs of
// sentence spans carrying their ids and verdicts. Long reports are built in
// small time slices so the page stays responsive while a 500-page report
// appears; anything asked for before its turn is built on demand. Every
// paragraph is in the page, so any can be found, scrolled to and highlighted,
// but the browser lays out and paints only those near the viewport
// (`content-visibility: auto`), sizing the others from an estimate until
// they are first shown: laying out a whole 500-page report, again after each
// slice, is what made long reports slow.
import { h, yieldToBrowser } from '../dom.js';
import { verdict } from '../format.js';

const SLICE_MS = 12;
/** Average glyph width of the document font, in ems, for height estimates. */
const CHAR_EM = 0.48;

/** One paragraph as an element; also used, without interaction, by the HTML export. */
export function paragraphElement(paragraph, side, { interactive = false } = {}) {
  const heading = paragraph.kind === 'heading';
  const el = h('p', {
    class: `para kind-${paragraph.kind}`,
    'data-paragraph-id': paragraph.id,
    'data-status': paragraph.status,
    title: verdict(paragraph, side),
    role: heading ? 'heading' : null,
    'aria-level': heading ? Math.min(6, 3 + paragraph.section.length) : null,
  });
  paragraph.sentences.forEach((sentence, i) => {
    if (i) el.append(' ');
    el.append(
      h('span', {
        class: 's',
        'data-sentence-id': sentence.id,
        'data-status': sentence.status,
        title: verdict(sentence, side),
        tabindex: interactive ? 0 : null,
        text: sentence.text,
      }),
    );
  });
  return el;
}

export class DocumentView {
  #container;
  #side;
  #doc = null;
  #built = 0;
  #paragraphEls = [];
  #sentenceEls = [];
  #sentences = [];
  #owner = new Uint32Array(0); // sentence id → paragraph id
  #generation = 0;
  /** Characters per line and line height (px) of the pane, for paragraphs not yet laid out. */
  #metrics = { chars: 80, line: 26 };

  constructor(container, side) {
    this.#container = container;
    this.#side = side;
  }

  get doc() {
    return this.#doc;
  }

  get container() {
    return this.#container;
  }

  /** Replaces the view's document; resolves once every paragraph is in the page. */
  async show(doc) {
    const generation = ++this.#generation;
    this.#doc = doc;
    this.#built = 0;
    this.#paragraphEls = new Array(doc.paragraphs.length);
    this.#sentences = doc.paragraphs.flatMap((p) => p.sentences);
    this.#sentenceEls = new Array(this.#sentences.length);
    this.#owner = new Uint32Array(this.#sentences.length);
    for (const p of doc.paragraphs) for (const s of p.sentences) this.#owner[s.id] = p.id;
    this.#container.replaceChildren();
    this.#container.scrollTop = 0;
    this.#measure();
    while (this.#built < doc.paragraphs.length) {
      this.#buildSlice(performance.now() + SLICE_MS);
      await yieldToBrowser();
      if (generation !== this.#generation) return false;
    }
    return true;
  }

  /** New verdicts for the same segmentation (e.g. another threshold): updates in place. */
  updateStatuses(doc) {
    this.#doc = doc;
    this.#sentences = doc.paragraphs.flatMap((p) => p.sentences);
    doc.paragraphs.forEach((paragraph, i) => {
      const el = this.#paragraphEls[i];
      if (!el) return;
      setVerdict(el, paragraph, this.#side);
      for (const sentence of paragraph.sentences) setVerdict(this.#sentenceEls[sentence.id], sentence, this.#side);
    });
  }

  sentence(id) {
    return this.#sentences[id];
  }

  paragraph(id) {
    return this.#doc.paragraphs[id];
  }

  /** The paragraph holding sentence `id`. */
  paragraphOf(id) {
    return this.#doc.paragraphs[this.#owner[id]];
  }

  paragraphEl(id) {
    this.#buildUpTo(id);
    return this.#paragraphEls[id];
  }

  sentenceEl(id) {
    const sentence = this.#sentences[id];
    if (!sentence) return null;
    this.#buildUpTo(this.#owner[id]);
    return this.#sentenceEls[id];
  }

  /** The sentence model behind an element inside this view, if any. */
  sentenceFromEvent(event) {
    const el = event.target.closest?.('[data-sentence-id]');
    return el && this.#container.contains(el) ? this.#sentences[+el.dataset.sentenceId] : null;
  }

  /** Ids of the first and last paragraphs currently visible in the scrolling pane. */
  visibleRange() {
    const els = this.#paragraphEls;
    if (!this.#built) return null;
    const top = this.#container.scrollTop;
    const bottom = top + this.#container.clientHeight;
    const firstBelow = (y) => {
      let lo = 0;
      let hi = this.#built;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const el = els[mid];
        if (el.offsetTop + el.offsetHeight <= y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [Math.min(firstBelow(top), this.#built - 1), Math.min(firstBelow(bottom), this.#built - 1)];
  }

  /** Shows only the paragraphs that pass `keep`. */
  filter(keep) {
    this.#buildUpTo(this.#doc.paragraphs.length - 1);
    this.#doc.paragraphs.forEach((p, i) => {
      this.#paragraphEls[i].hidden = !keep(p);
    });
  }

  #measure() {
    const style = getComputedStyle(this.#container);
    const font = parseFloat(style.fontSize) || 16;
    const width = this.#container.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
    this.#metrics = {
      chars: Math.max(20, Math.floor(width / (font * CHAR_EM))),
      line: parseFloat(style.lineHeight) || font * 1.6,
    };
  }

  /** Lets the browser skip `el` while it is off screen, sized as `paragraph`'s text would roughly fill the pane. */
  #skipWhileOffscreen(el, paragraph) {
    const { chars, line } = this.#metrics;
    const lines = Math.max(1, Math.ceil(paragraph.text.length / chars));
    el.style.contentVisibility = 'auto';
    el.style.containIntrinsicSize = `auto ${Math.round(lines * line)}px`;
  }

  #buildUpTo(id) {
    if (id >= this.#built) this.#buildSlice(Infinity, id + 1);
  }

  #buildSlice(deadline, upTo = this.#doc.paragraphs.length) {
    const fragment = document.createDocumentFragment();
    const interactive = this.#side === 'summary';
    while (this.#built < upTo && performance.now() < deadline) {
      const paragraph = this.#doc.paragraphs[this.#built];
      const el = paragraphElement(paragraph, this.#side, { interactive });
      this.#skipWhileOffscreen(el, paragraph);
      this.#paragraphEls[this.#built] = el;
      for (const span of el.querySelectorAll('[data-sentence-id]')) this.#sentenceEls[+span.dataset.sentenceId] = span;
      fragment.append(el);
      this.#built++;
    }
    this.#container.append(fragment);
  }
}

function setVerdict(el, item, side) {
  if (!el) return;
  if (item.status) el.dataset.status = item.status;
  else delete el.dataset.status;
  el.title = verdict(item, side);
}
