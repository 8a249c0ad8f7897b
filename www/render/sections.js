// Per-section coverage, as a list that jumps to each section, and the
// options of the section filter.
import { h } from '../dom.js';
import { int, pct, sectionLabel } from '../format.js';

export function renderSections(list, sections, onPick) {
  list.replaceChildren(...sections.map((section) => {
    const bar = h('span', { class: 'coverage-bar-fill' });
    bar.style.width = pct(section.coverage);
    return h('li', { class: 'section', 'data-depth': Math.min(section.path.length, 4) },
      h('button', { type: 'button', onclick: () => onPick(section) },
        h('span', { class: 'section-name', text: section.path.at(-1) ?? sectionLabel(section.path) }),
        h('span', { class: 'section-figures' },
          h('span', { class: 'coverage-bar', 'aria-hidden': 'true' }, bar),
          h('span', { class: 'section-coverage', text: `${pct(section.coverage)} covered` }),
          h('span', { class: 'section-omitted', text: `${int(section.omitted)}/${int(section.paragraphs)} omitted` }))));
  }));
}

const SEP = '\u241f'; // joins a heading path into one option value

/** Fills the section filter with the report's sections, keeping the choice if it still exists. */
export function fillSectionFilter(select, sections) {
  const keep = select.value;
  const values = new Set(sections.filter((s) => s.path.length).map((s) => s.path.join(SEP)));
  select.replaceChildren(h('option', { value: '', text: 'All sections' }),
    ...[...values].map((value) => {
      const path = value.split(SEP);
      return h('option', { value, text: `${'\u2003'.repeat(Math.min(path.length - 1, 3))}${path.at(-1)}` });
    }));
  select.value = values.has(keep) ? keep : '';
}

/** Whether a heading path lies inside the section chosen in the filter. */
export function inSection(path, value) {
  if (!value) return true;
  const chosen = value.split(SEP);
  return chosen.every((part, i) => path[i] === part);
}
