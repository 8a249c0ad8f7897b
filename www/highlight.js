// Marks ranges of rendered text without touching the DOM, through the CSS
// Custom Highlight API (styled by ::highlight(name) in the stylesheet).
// Browsers without it fall back to the selection for the current range.

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS;

/** A Range over [start, end) of a sentence element's text. */
export function rangeIn(el, start, end) {
  const text = el.firstChild;
  const range = document.createRange();
  range.setStart(text, Math.min(start, text.length));
  range.setEnd(text, Math.min(end, text.length));
  return range;
}

/** Highlights `ranges` under `name`, replacing what that name highlighted before. */
export function highlight(name, ranges) {
  if (supported) {
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  } else if (ranges.length === 1) {
    getSelection().removeAllRanges();
    getSelection().addRange(ranges[0]);
  }
}
