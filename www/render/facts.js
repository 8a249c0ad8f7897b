// Facts one side has and the other lacks, grouped by kind. Groups fill in
// when opened: a long report can drop thousands of names and numbers.
import { h } from '../dom.js';
import { FACT_KINDS, int, plural } from '../format.js';

export function groupByKind(facts) {
  const groups = new Map(Object.keys(FACT_KINDS).map((k) => [k, []]));
  for (const fact of facts) groups.get(fact.kind)?.push(fact);
  return [...groups].filter(([, list]) => list.length);
}

/**
 * Renders `facts` into `container`. `onPick(fact, occurrence)` is called on
 * each click, stepping through the fact's occurrences in turn.
 */
export function renderFacts(container, facts, onPick, { open = false } = {}) {
  if (!facts.length) {
    container.replaceChildren(h('p', { class: 'empty', text: 'None.' }));
    return;
  }
  const wasOpen = new Set([...container.querySelectorAll('details[open]')].map((d) => d.dataset.kind));
  const seen = new WeakMap(); // fact → occurrences shown so far
  const button = (fact) =>
    h('li', {},
      h('button', {
        type: 'button',
        class: 'fact',
        'data-kind': fact.kind,
        title: `${plural(fact.occurrences.length, 'occurrence')}; click to show the next`,
        onclick: () => {
          const n = seen.get(fact) ?? 0;
          seen.set(fact, n + 1);
          onPick(fact, fact.occurrences[n % fact.occurrences.length]);
        },
      }, h('span', { class: 'fact-text', text: fact.text }), h('span', { class: 'fact-count', text: `×${int(fact.occurrences.length)}` })));
  container.replaceChildren(...groupByKind(facts).map(([kind, list]) => {
    const items = h('ul', { class: 'fact-list' });
    const group = h('details', { class: 'fact-group', 'data-kind': kind, open: open || wasOpen.has(kind) },
      h('summary', {}, h('span', { text: FACT_KINDS[kind] }), h('span', { class: 'count', text: int(list.length) })),
      items);
    const fill = () => {
      if (group.open && !items.childElementCount) items.append(...list.map(button));
    };
    group.addEventListener('toggle', fill);
    fill();
    return group;
  }));
}
