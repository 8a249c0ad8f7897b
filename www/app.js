// Lacuna's page: wires the inputs, the worker that runs the core and the
// views of its result. Every comparison runs in the worker; this thread only
// renders. The worker and its handle come with the npm package in pkg/.
import { Cancelled, Engine } from './pkg/engine.js';
import { scrollPaneTo } from './dom.js';
import { int, ms, pct } from './format.js';
import { Inputs } from './inputs.js';
import { Linking } from './linking.js';
import { Search } from './search.js';
import { setupShortcuts, setupTabs } from './controls.js';
import { highlight, rangeIn } from './highlight.js';
import { exportFactsCsv, exportHtml, exportJson, exportOmissionsCsv } from './export.js';
import { CoverageMap } from './render/coverage-map.js';
import { DocumentView } from './render/document.js';
import { renderFacts } from './render/facts.js';
import { renderFigures, renderNotices } from './render/figures.js';
import { OmissionsList } from './render/omissions.js';
import { fillSectionFilter, inSection, renderSections } from './render/sections.js';

const $ = (id) => document.getElementById(id);
const app = $('app');
/** Largest document the page accepts, in bytes of UTF-8: a bigger one could exhaust the tab's memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const EXAMPLE = {
  dir: 'examples/mueller-vol2',
  summaryName: 'Mueller Report, Volume II: Executive Summary',
  reportName: 'Mueller Report, Volume II',
  credit: $('credit').textContent,
};

if ('serviceWorker' in navigator) {
  // Caches the app shell, the engine and the example so the page works offline after one visit.
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

const engine = new Engine();
engine.warm();
const views = {
  summary: new DocumentView($('summary-view'), 'summary'),
  report: new DocumentView($('report-view'), 'report'),
};
const linkHint = $('link-detail-body').firstElementChild;
const linking = new Linking(views, $('link-detail-body'), $('link-announce'), engine);
const map = new CoverageMap($('coverage-map'), $('map-caption'), (id) => revealParagraph(id));
const omissions = new OmissionsList($('omissions-list'), $('omissions-more'), showOmission);
const search = new Search(
  { form: $('search-form'), input: $('search'), side: $('search-side'), prev: $('search-prev'), count: $('search-count') },
  views, reveal);
const showTab = setupTabs(document.querySelector('.tabs'));
const inputs = new Inputs(engine, {
  maxBytes: MAX_INPUT_BYTES,
  onError: fail,
  onChange(origin) {
    if (origin !== 'swap') {
      example = false;
      $('credit').hidden = true;
    } else if (current) compare();
  },
});

/** What is on screen: the result and the texts and settings it came from. */
let current = null;
let example = false;
let run = 0; // the latest comparison; older ones' answers are dropped
let ticker = 0;

// ---- running comparisons ----

function options() {
  // One slider moves both report thresholds, keeping the core's default 2:1 ratio.
  const covered = Number($('threshold').value);
  return { covered_threshold: covered, partial_threshold: covered / 2, max_input_bytes: MAX_INPUT_BYTES };
}

/** Compares the texts in the inputs, or re-scores what is shown when `rescore` is set. */
async function compare({ rescore = false } = {}) {
  // A file picked a moment ago may still be decoding: compare what the reader chose, not an empty box.
  if (!rescore) await inputs.settled();
  const texts = rescore && current
    ? { summary: current.summary, report: current.report, names: current.names, example: current.example }
    : {
      summary: inputs.text('summary'),
      report: inputs.text('report'),
      names: { summary: inputs.name('summary'), report: inputs.name('report') },
      example,
    };
  const id = ++run;
  const started = performance.now();
  const settings = options();
  setError('');
  setWorking(rescore ? 'Re-scoring at the new threshold' : 'Comparing', started);
  let result;
  try {
    result = await engine.compare(texts.summary, texts.report, settings);
  } catch (error) {
    if (!(error instanceof Cancelled) && id === run) fail(error.message);
    return;
  }
  if (id !== run) return;
  const sameText = current && current.summary === texts.summary && current.report === texts.report;
  current = { ...texts, result, options: settings };
  setWorking('Rendering', started);
  if (sameText) update(result);
  else if (!(await show(result)) || id !== run) return;
  stopTicker();
  const { stats } = result;
  setStatus(`Compared ${int(stats.summary_words)} summary words with ${int(stats.report_words)} report words `
    + `in ${ms(performance.now() - started)} (engine ${ms(stats.timings.total_ms)}).`);
  app.dataset.state = 'done';
}

/** Stops the comparison in flight (Cancel or Esc); returns whether there was one. What was shown stays. */
function cancel() {
  if (app.dataset.state !== 'working') return false;
  run++; // drops the answer of the one in flight
  engine.close();
  stopTicker();
  setStatus('Comparison cancelled.');
  app.dataset.state = current ? 'done' : 'idle';
  return true;
}

function setWorking(what, started) {
  stopTicker();
  app.dataset.state = 'working';
  $('progress').hidden = false;
  $('cancel-button').hidden = false;
  setStatus(`${what}…`);
  // The running time ticks outside the live region, so screen readers hear each stage once.
  const tick = () => {
    $('elapsed').textContent = ms(performance.now() - started);
  };
  tick();
  ticker = setInterval(tick, 250);
}

function stopTicker() {
  clearInterval(ticker);
  $('progress').hidden = true;
  $('cancel-button').hidden = true;
  $('elapsed').textContent = '';
}

function setStatus(text) {
  $('status').textContent = text;
}

function setError(text) {
  $('error').textContent = text;
}

function fail(message) {
  stopTicker();
  setStatus('');
  setError(message);
  app.dataset.state = 'error';
}

async function loadExample() {
  setError('');
  setStatus('Loading the example…');
  try {
    const [summary, report] = await Promise.all(['summary', 'report'].map(async (side) => {
      const response = await fetch(`${EXAMPLE.dir}/${side}.txt`);
      if (!response.ok) throw new Error(`Could not load the example (${response.status}).`);
      return response.text();
    }));
    inputs.set('summary', summary, EXAMPLE.summaryName);
    inputs.set('report', report, EXAMPLE.reportName);
  } catch (error) {
    fail(error.message);
    return;
  }
  example = true;
  $('credit').hidden = false;
  await compare();
}

// ---- showing a result ----

/** Renders a new result; resolves false if a newer one replaced it meanwhile. */
async function show(result) {
  const first = $('results').hidden;
  $('results').hidden = false;
  app.dataset.hasResult = '';
  renderSummaryParts(result);
  linking.clear(linkHint);
  highlight('fact', []);
  fillSectionFilter($('section-filter'), result.sections);
  const built = await Promise.all([views.summary.show(result.summary), views.report.show(result.report)]);
  if (built.includes(false)) return false;
  applyFilters();
  search.run();
  map.setViewport(views.report.visibleRange());
  if (first) $('results').scrollIntoView({ block: 'start' });
  return true;
}

/** Same texts, new verdicts (another threshold): updates the page in place. */
function update(result) {
  renderSummaryParts(result);
  views.summary.updateStatuses(result.summary);
  views.report.updateStatuses(result.report);
  linking.refresh();
  applyFilters();
}

/** Everything but the two documents: figures, map, lists and counts. */
function renderSummaryParts(result) {
  renderFigures($('figures'), result);
  renderNotices($('notices'), result.notices);
  map.show(result.report);
  renderSections($('sections-list'), result.sections, (s) => revealParagraph(s.first_paragraph));
  renderFacts($('facts-dropped'), result.facts.dropped, (fact, at) => showFact('report', at));
  renderFacts($('facts-unsupported'), result.facts.unsupported, (fact, at) => showFact('summary', at), { open: true });
  $('omissions-count').textContent = int(result.omissions.length);
  $('facts-count').textContent = int(result.facts.dropped.length);
  $('sections-count').textContent = int(result.sections.length);
  $('summary-pane-words').textContent = `${int(result.stats.summary_words)} words`;
  $('report-pane-words').textContent = `${int(result.stats.report_words)} words`;
}

/** Applies the status and section filters to the report and the section filter to the omissions. */
function applyFilters() {
  if (!current) return;
  filterReport();
  const section = $('section-filter').value;
  omissions.show(current.result.omissions.filter((o) => inSection(o.section, section)));
}

function filterReport() {
  const status = $('status-filter').value;
  const section = $('section-filter').value;
  views.report.filter((p) => (status === 'all' || p.kind === 'heading' || p.status === status) && inSection(p.section, section));
}

// ---- moving around ----

/** Scrolls a pane to `el`, bringing the panes on screen first if needed. */
function reveal(side, el) {
  const pane = views[side].container;
  // The whole workspace when it fits the window (wide screens), else just this pane.
  const workspace = pane.closest('.workspace');
  const frame = workspace.offsetHeight <= innerHeight ? workspace : pane.closest('.pane');
  const box = frame.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) frame.scrollIntoView({ block: 'nearest' });
  scrollPaneTo(pane, el);
}

function revealParagraph(id) {
  const el = views.report.paragraphEl(id);
  if (!el) return;
  if (el.hidden) {
    $('status-filter').value = 'all';
    $('section-filter').value = '';
    applyFilters();
  }
  markCurrent([el]);
  reveal('report', el);
}

let marked = [];
function markCurrent(els) {
  for (const el of marked) el.classList.remove('current');
  marked = els.filter(Boolean);
  for (const el of marked) el.classList.add('current');
}

function showOmission(omission) {
  const sentences = omission.sentences.map((id) => views.report.sentenceEl(id));
  const paragraphs = omission.paragraphs.map((id) => views.report.paragraphEl(id));
  // Listed omissions are in the chosen section already; only the status filter can hide them.
  if (paragraphs.some((el) => el?.hidden)) {
    $('status-filter').value = 'all';
    filterReport();
  }
  markCurrent([...sentences, ...paragraphs]);
  if (sentences[0]) reveal('report', sentences[0]);
}

function showFact(side, at) {
  const el = views[side].sentenceEl(at.sentence);
  if (!el) return;
  highlight('fact', [rangeIn(el, at.start, at.end)]);
  reveal(side, el);
}

// ---- wiring ----

$('compare-button').addEventListener('click', () => compare());
$('cancel-button').addEventListener('click', cancel);
$('load-example').addEventListener('click', loadExample);
$('status-filter').addEventListener('change', applyFilters);
$('section-filter').addEventListener('change', applyFilters);

let rescoreTimer = 0;
const threshold = $('threshold');
const showThreshold = () => {
  const { covered_threshold: covered, partial_threshold: partial } = options();
  $('threshold-value').textContent = `covered ≥ ${pct(covered)}, partly ≥ ${pct(partial)}`;
};
threshold.addEventListener('input', () => {
  showThreshold();
  clearTimeout(rescoreTimer);
  // The core re-scores with the new thresholds (omissions and figures depend on them), so wait for the slider to settle.
  if (current) rescoreTimer = setTimeout(() => compare({ rescore: true }), 150);
});
showThreshold();

let viewportFrame = 0;
views.report.container.addEventListener('scroll', () => {
  cancelAnimationFrame(viewportFrame);
  viewportFrame = requestAnimationFrame(() => map.setViewport(views.report.visibleRange()));
}, { passive: true });

const about = () => ({
  summaryName: current.names.summary,
  reportName: current.names.report,
  threshold: current.options.covered_threshold,
  credit: current.example ? EXAMPLE.credit : '',
});
$('export-json').addEventListener('click', () => exportJson(current.result));
$('export-csv-omissions').addEventListener('click', () => exportOmissionsCsv(current.result));
$('export-csv-facts').addEventListener('click', () => exportFactsCsv(current.result));
$('export-html').addEventListener('click', () => exportHtml(current.result, about()).catch((e) => fail(e.message)));
$('print-button').addEventListener('click', () => print());

setupShortcuts({
  j: () => stepOmission(1),
  n: () => stepOmission(1),
  k: () => stepOmission(-1),
  p: () => stepOmission(-1),
  '/': () => {
    if (!current) return false;
    search.focus();
    return true;
  },
  Escape: () => {
    if (cancel()) return true;
    linking.clear();
    markCurrent([]);
    return false;
  },
});

function stepOmission(step) {
  if (!current) return false;
  showTab('tab-omissions');
  omissions.step(step);
  return true;
}

// Tell the reader something is wrong rather than failing silently when the browser lacks the basics.
if (!('WebAssembly' in window) || !('Worker' in window)) {
  fail('This browser cannot run Lacuna: it needs WebAssembly and Web Workers.');
  $('compare-button').disabled = true;
  $('load-example').disabled = true;
}
