// The worker side of scripts/bench-browser.mjs: times the WebAssembly core
// and two popular in-browser text differs on the same pair, in one worker of
// the benchmark page. bench-browser.mjs serves it, and the differs' files
// from node_modules/, under /__bench/ (a classic worker, so the differs'
// browser builds load with importScripts).
//
// Request: {summary, report, big, runs}. Replies: {step, ...figures} as each
// step ends, then {step: 'done'}; {step: 'error', message} on failure.
/* global Diff, diff_match_patch */

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds `run` takes, and what it returned. */
function time(run) {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

async function bench({ summary, report, big, runs }) {
  const glue = await import('/pkg/lacuna.js');
  const exports = await glue.default({ module_or_path: '/pkg/lacuna_bg.wasm' });

  // What the page does: compareJson in its worker, then JSON.parse of the text
  // into the result's objects (on the page's side).
  const viaJson = () => {
    const json = time(() => glue.compareJson(summary, report));
    const parsed = time(() => JSON.parse(json.value));
    const engine = parsed.value.stats.timings.total_ms;
    return { json: json.ms, out: json.ms - engine, parse: parsed.ms, total: json.ms + parsed.ms, result: parsed.value };
  };
  viaJson();
  viaJson(); // warm-up: the first calls grow the module's memory
  const samples = Array.from({ length: runs }, viaJson);
  const last = samples.at(-1).result;
  postMessage({
    step: 'json',
    runs,
    total: median(samples.map((s) => s.total)),
    json: median(samples.map((s) => s.json)),
    out: median(samples.map((s) => s.out)),
    parse: median(samples.map((s) => s.parse)),
    engine: last.stats.timings,
    bytes: JSON.stringify(last).length,
  });

  // Handing the result to the page: the object graph or the JSON text.
  postMessage({ step: 'clone-objects', value: last, sentAt: performance.timeOrigin + performance.now() });
  const text = glue.compareJson(summary, report);
  postMessage({ step: 'clone-text', value: text, sentAt: performance.timeOrigin + performance.now() });

  const grown = time(() => JSON.parse(glue.compareJson(summary, big)));
  postMessage({
    step: 'growth',
    ms: grown.ms,
    engine: grown.value.stats.timings,
    bytes: big.length,
    memory: exports.memory.buffer.byteLength,
  });
}

async function peers({ summary, report }) {
  importScripts('/__bench/diff.js', '/__bench/diff-match-patch.js');
  const words = time(() => Diff.diffWords(summary, report));
  postMessage({ step: 'jsdiff', ms: words.ms, parts: words.value.length });
  const dmp = new diff_match_patch();
  dmp.Diff_Timeout = 0; // no time limit: the full diff, as a page would need it
  const chars = time(() => dmp.diff_main(summary, report));
  postMessage({ step: 'diff-match-patch', ms: chars.ms, parts: chars.value.length });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.peers) await peers(data);
    else await bench(data);
    postMessage({ step: 'done' });
  } catch (error) {
    postMessage({ step: 'error', message: error?.stack ?? String(error) });
  }
};
