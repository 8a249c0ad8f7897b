// The ranked list of omitted passages. Rendered a page at a time: a long
// report can have thousands, and the reader wants the weightiest first.
import { h, scrollPaneTo } from '../dom.js';
import { int, pct, sectionLabel } from '../format.js';

const PAGE = 100;
const FACTS_SHOWN = 12;

function chips(label, items, className, limit = Infinity) {
  if (!items.length) return null;
  const shown = items.slice(0, limit);
  return h('p', { class: `chips ${className}` },
    h('span', { class: 'chips-label', text: `${label}: ` }),
    shown.map((t) => h('span', { class: 'chip', text: t })),
    items.length > shown.length ? h('span', { class: 'chip more', text: `+${int(items.length - shown.length)} more` }) : null);
}

/** One omission's description; also used by the HTML export. */
export function omissionDetails(omission, maxWeight) {
  return [
    h('p', { class: 'omission-meta' },
      h('span', { class: 'omission-size', text: `${int(omission.words)} words` }),
      h('span', { class: 'weight', title: `Weight ${omission.weight.toFixed(1)}: distinctive content carried` },
        h('span', { class: 'weight-bar', 'data-weight': pct(maxWeight ? omission.weight / maxWeight : 0) }))),
    h('p', { class: 'omission-preview', text: omission.preview }),
    chips('Key terms', omission.key_terms, 'terms'),
    chips('Dropped facts', omission.facts, 'facts', FACTS_SHOWN),
  ];
}

/** Sizes weight bars from their data attribute (CSP forbids inline style attributes, not CSSOM). */
export function sizeWeightBars(root) {
  for (const bar of root.querySelectorAll('.weight-bar')) bar.style.width = bar.dataset.weight;
}

export class OmissionsList {
  #list;
  #more;
  #onSelect;
  #omissions = [];
  #shown = 0;
  #current = -1; // index into #omissions
  #maxWeight = 0;

  /** `onSelect(omission)` is called when the reader opens one. */
  constructor(list, more, onSelect) {
    this.#list = list;
    this.#more = more;
    this.#onSelect = onSelect;
    more.addEventListener('click', () => this.#renderMore());
    list.addEventListener('click', (e) => {
      const item = e.target.closest('[data-omission-rank]');
      if (item) this.select(this.#omissions.findIndex((o) => o.rank === +item.dataset.omissionRank));
    });
  }

  get current() {
    return this.#omissions[this.#current] ?? null;
  }

  /** Shows `omissions` (already filtered), keeping the ranks the core gave them. */
  show(omissions) {
    this.#omissions = omissions;
    this.#maxWeight = omissions.reduce((m, o) => Math.max(m, o.weight), 0);
    this.#shown = 0;
    this.#current = -1;
    this.#list.replaceChildren();
    if (!omissions.length) this.#list.append(h('li', { class: 'empty', text: 'No omitted passages here.' }));
    this.#renderMore();
  }

  /** Moves the selection by `step` (±1), wrapping at the ends. */
  step(step) {
    const n = this.#omissions.length;
    if (!n) return;
    this.select(this.#current < 0 ? (step > 0 ? 0 : n - 1) : (this.#current + step + n) % n);
  }

  select(index) {
    const omission = this.#omissions[index];
    if (!omission) return;
    while (index >= this.#shown) this.#renderMore();
    this.#list.querySelector('[aria-current]')?.removeAttribute('aria-current');
    const item = this.#list.children[index];
    item.setAttribute('aria-current', 'true');
    item.querySelector('button').focus({ preventScroll: true });
    scrollPaneTo(this.#list.closest('.panel') ?? this.#list, item, { nearest: true });
    this.#current = index;
    this.#onSelect(omission);
  }

  #renderMore() {
    const next = this.#omissions.slice(this.#shown, this.#shown + PAGE);
    const items = next.map((o) =>
      h('li', { class: 'omission', 'data-omission-rank': o.rank },
        h('button', { type: 'button', class: 'omission-open', title: 'Show this passage in the report' },
          h('span', { class: 'rank', text: `#${o.rank}` }),
          h('span', { class: 'omission-section', text: sectionLabel(o.section) })),
        omissionDetails(o, this.#maxWeight)));
    this.#list.append(...items);
    items.forEach((item) => sizeWeightBars(item));
    this.#shown += next.length;
    const left = this.#omissions.length - this.#shown;
    this.#more.hidden = left <= 0;
    this.#more.textContent = `Show ${int(Math.min(PAGE, left))} more (${int(left)} left)`;
  }
}
