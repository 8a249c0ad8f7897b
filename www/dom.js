// Element building without HTML parsing: document text only ever reaches the
// page as text nodes, so text that looks like markup stays text.

/**
 * Creates an element. `props`: `class`, `text`, `on<event>` listeners, `hidden`,
 * anything else becomes an attribute (null/false skipped). Children may be
 * nodes, strings (appended as text) or nested arrays.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'hidden') el.hidden = true;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return el;
}

/** Yields to the browser so input and painting can happen between chunks of work. */
export function yieldToBrowser() {
  return globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Scrolls the scrolling `pane` so `el` shows in its middle (or, with
 * `nearest`, just inside its nearer edge) without moving the window.
 */
export function scrollPaneTo(pane, el, { nearest = false } = {}) {
  const paneBox = pane.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  let delta = box.top - paneBox.top - Math.max(0, (pane.clientHeight - box.height) / 2);
  if (nearest) {
    const below = box.bottom - paneBox.bottom;
    delta = box.top < paneBox.top ? box.top - paneBox.top : below > 0 ? Math.min(below, box.top - paneBox.top) : 0;
  }
  if (!delta) return;
  // Animate short moves only: gliding across half a report shows nothing and makes the reader wait.
  const near = Math.abs(delta) < 1.5 * pane.clientHeight;
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  pane.scrollTo({ top: pane.scrollTop + delta, behavior: near && !calm ? 'smooth' : 'instant' });
}

/** Offers `content` to the user as a file download. */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
