// Page-level controls: the findings tabs and the keyboard shortcuts.

/** Wires a role=tablist: click or arrow keys select a tab and show its panel. */
export function setupTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = false) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
  };
  tablist.addEventListener('click', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  tablist.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const i = tabs.indexOf(document.activeElement);
    select(tabs[(i + step + tabs.length) % tabs.length], true);
  });
  return (id) => select(document.getElementById(id));
}

/**
 * Single-key shortcuts, ignored while typing in a field. `actions` maps a
 * key to a function; returns nothing.
 */
export function setupShortcuts(actions) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key !== 'Escape' && e.target.closest?.('input, textarea, select, [contenteditable]')) return;
    const action = actions[e.key];
    if (!action) return;
    if (action() !== false) e.preventDefault();
  });
}
