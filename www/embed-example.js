// The embedding example (embed.html): what another site writes to use Lacuna,
// touching nothing but the npm package's public surface, served from /pkg/ —
// the <lacuna-compare> element and the API's init() and segment().
import { init, segment } from './pkg/index.js';
import './pkg/element.js';

const $ = (id) => document.getElementById(id);
const element = $('lacuna');
const texts = { summary: $('summary-text'), report: $('report-text') };

const SAMPLE = {
  summary: `The city's water treatment plant failed its safety inspection because the chlorine pumps were broken. The council has ordered repairs.`,
  report: `Water treatment

Inspectors visited the city's water treatment plant in March. The plant failed its safety inspection because the chlorine pumps were broken, and the council ordered repairs within sixty days.

Library funding

The public library's budget fell by a third over five years, and two branches in the northern districts closed their reading rooms on weekends.

Road maintenance

Resurfacing of the ring road was postponed to 2027 after the contractor, Harbour Civil Ltd, withdrew from the tender.`,
};

// ---- the element: give it two texts, listen for what it found ----

function log(text) {
  $('events').append(Object.assign(document.createElement('li'), { textContent: text }));
}

element.addEventListener('lacuna-done', (event) => {
  const { stats, omissions } = event.detail.result;
  const top = omissions[0] ? ` The weightiest begins: “${omissions[0].preview}”` : '';
  log(`lacuna-done: ${Math.round(stats.coverage * 100)}% of the report covered, `
    + `${omissions.length} omitted passage${omissions.length === 1 ? '' : 's'}.${top}`);
});
element.addEventListener('lacuna-error', (event) => log(`lacuna-error: ${event.detail.message}`));

$('compare').addEventListener('click', () => {
  element.summary = texts.summary.value;
  element.report = texts.report.value;
});
$('sample').addEventListener('click', () => {
  for (const side of ['summary', 'report']) {
    texts[side].value = SAMPLE[side];
    countLater(side);
  }
  $('compare').click();
});

// ---- the API on this page's own thread: paragraph counts as the reader types ----

// init() loads lacuna_bg.wasm beside the package's index.js, i.e. /pkg/lacuna_bg.wasm.
const ready = init().then(() => true, (error) => {
  log(`init failed: ${error.message}`);
  return false;
});
const timers = {};

function countLater(side) {
  clearTimeout(timers[side]);
  timers[side] = setTimeout(async () => {
    if (!(await ready)) return;
    const doc = segment(texts[side].value);
    $(`${side}-count`).textContent = texts[side].value.trim()
      ? `${doc.paragraphs.length} paragraph${doc.paragraphs.length === 1 ? '' : 's'}, ${doc.words} words`
      : '';
  }, 200);
}
for (const side of ['summary', 'report']) texts[side].addEventListener('input', () => countLater(side));
