#!/usr/bin/env node
// Browser benchmark of Lacuna in headless Chromium, on the Mueller report,
// Volume II (www/examples/mueller-vol2): prints the page's time to
// interactive, the WebAssembly comparison time in a worker (median of RUNS
// after warm-up) and where it goes, the cost of handing the result to the
// page as objects or as JSON text, growth on the report repeated 16 times,
// the whole page from a click to rendered results, memory, the gzipped size
// of the module, and the same pair through the popular in-browser differs
// jsdiff (diffWords) and diff-match-patch without timeout, beside Lacuna as a
// ratio. Needs a built pkg/ (scripts/build.sh) and `npm ci`.
//
//   node scripts/bench-browser.mjs [--runs N] [--no-peers]
//
// The differs take about a minute each; --no-peers skips them.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { ROOT, launchBrowser, startApp } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 9;
const PEERS = !args.includes('--no-peers');
const REPEATS = 16;
const VIEWPORT = { width: 1440, height: 900 };
const EXAMPLE = path.join(ROOT, 'www', 'examples', 'mueller-vol2');

/** Files the benchmark page loads from /__bench/, besides the app's own. */
const BENCH_FILES = {
  'worker.js': () => readFile(path.join(ROOT, 'scripts', 'bench-worker.js'), 'utf8'),
  'diff.js': () => readFile(path.join(ROOT, 'node_modules', 'diff', 'dist', 'diff.js'), 'utf8'),
  // A CommonJS module: given a `module` to fill, it becomes a browser global.
  'diff-match-patch.js': async () => `var module = { exports: {} };\n${await readFile(
    path.join(ROOT, 'node_modules', 'diff-match-patch', 'index.js'),
    'utf8',
  )}\nself.diff_match_patch = module.exports;\n`,
};

const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.route('**/__bench/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (!BENCH_FILES[name]) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: await BENCH_FILES[name]() });
  });
  return { context, page: await context.newPage() };
}

/** Milliseconds from navigation to an idle page with the compare button enabled. */
async function interactive(browser, url) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => {
      const ready = document.querySelector('#app[data-state="idle"]')
        && document.querySelector('#compare-button:not([disabled])');
      return ready && performance.now();
    }, null, { polling: 'raf', timeout: 30_000 });
    return handle.jsonValue();
  } finally {
    await context.close();
  }
}

/** Runs the bench worker in the page; resolves to its figures by step. */
function inWorker(page, request) {
  return page.evaluate((request) => new Promise((resolve, reject) => {
    const worker = new Worker('/__bench/worker.js');
    const steps = {};
    worker.onerror = (event) => reject(new Error(event.message));
    worker.onmessage = ({ data }) => {
      const received = performance.timeOrigin + performance.now();
      if (data.step === 'error') reject(new Error(data.message));
      else if (data.step === 'done') {
        worker.terminate();
        resolve(steps);
      } else if (data.step.startsWith('clone')) {
        // Reading `data.value` deserializes it here, on the page's thread.
        const value = data.value;
        const parsed = performance.now();
        if (typeof value === 'string') JSON.parse(value);
        steps[data.step] = { ms: received - data.sentAt, parse: performance.now() - parsed };
      } else {
        steps[data.step] = data;
      }
    };
    worker.postMessage(request);
  }), request);
}

/** Puts the texts into the page's inputs as files would come in. */
async function fill(page, summary, report) {
  await page.setInputFiles('#summary-file', { name: 'summary.txt', mimeType: 'text/plain', buffer: Buffer.from(summary) });
  await page.setInputFiles('#report-file', { name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(report) });
  await page.waitForFunction((n) => document.querySelector('#report-text').value.length === n, report.length, { timeout: 60_000 });
}

/** Milliseconds from the compare button to the result's arrival ("Rendering…") and to rendered results. */
async function pageRun(page) {
  // The status may say "Rendering…" for less than a frame: an observer notes it, where polling could miss it.
  const started = await page.evaluate(() => {
    window.benchArrived = undefined;
    const status = document.querySelector('#status');
    new MutationObserver((_, observer) => {
      if (status.textContent.startsWith('Rendering')) {
        window.benchArrived = performance.now();
        observer.disconnect();
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
    document.querySelector('#compare-button').click();
    return performance.now();
  });
  // Done after this run's "Rendering…": the state may still read "done" from the run before.
  const done = await page.waitForFunction(() => window.benchArrived !== undefined && document.querySelector('#app').dataset.state === 'done' && performance.now(), null, {
    polling: 'raf',
    timeout: 300_000,
  });
  const arrived = await page.evaluate(() => window.benchArrived);
  return { arrived: arrived - started, ms: (await done.jsonValue()) - started };
}

/** A page run's time, and where the page's thread spent it (DevTools protocol counters). */
async function profiledPageRun(page, summary, report) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await fill(page, summary, report);
  const before = await metrics();
  const { arrived, ms } = await pageRun(page);
  const after = await metrics();
  await cdp.detach();
  const spent = (name) => `${((after[name] - before[name]) * 1000).toFixed(0)} ms`;
  const where = `result in the page after ${arrived.toFixed(0)} ms; script ${spent('ScriptDuration')}, `
    + `style ${spent('RecalcStyleDuration')}, layout ${spent('LayoutDuration')} in ${after.LayoutCount - before.LayoutCount} layouts`;
  return { ms, where, after };
}

async function main() {
  const summary = await readFile(path.join(EXAMPLE, 'summary.txt'), 'utf8');
  const report = await readFile(path.join(EXAMPLE, 'report.txt'), 'utf8');
  const big = Array(REPEATS).fill(report).join('\n\n');
  const wasm = await readFile(path.join(ROOT, 'pkg', 'lacuna_bg.wasm'));
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    console.log(`bench-browser: Chromium ${browser.version()}, Mueller Vol. II (summary ${mb(summary.length)}, report ${mb(report.length)})`);
    console.log(`wasm module: ${(wasm.length / 1024).toFixed(0)} KB, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`);

    const loads = [];
    for (let i = 0; i < 3; i++) loads.push(await interactive(browser, app.url));
    console.log(`page interactive (idle, compare enabled): median ${ms(median(loads))} of 3 fresh loads (${loads.map((x) => x.toFixed(0)).join(', ')})`);

    const { context, page } = await newPage(browser);
    await page.goto(app.url);
    await page.waitForSelector('#app[data-state="idle"]');
    const steps = await inWorker(page, { summary, report, big, runs: RUNS });
    const { json, growth } = steps;
    console.log(`wasm compare in a worker: compareJson (what the page's worker runs) median ${ms(json.json)} of ${json.runs} `
      + `(engine ${ms(json.engine.total_ms)} in the last run: segment ${ms(json.engine.segment_ms)}, align ${ms(json.engine.align_ms)}, `
      + `score ${ms(json.engine.score_ms)}, diff ${ms(json.engine.diff_ms)}; JSON out ${ms(json.out)} for ${mb(json.bytes)}); `
      + `with JSON.parse of the text ${ms(json.parse)}: median ${ms(json.total)}`);
    console.log(`result to the page: as objects ${ms(steps['clone-objects'].ms)}, `
      + `as JSON text ${ms(steps['clone-text'].ms)} + JSON.parse there ${ms(steps['clone-text'].parse)}`);
    console.log(`growth in wasm: report x${REPEATS} (${mb(growth.bytes)}) ${ms(growth.ms)}, `
      + `${(growth.ms / json.total).toFixed(1)}x the single report (engine: segment ${ms(growth.engine.segment_ms)}, `
      + `align ${ms(growth.engine.align_ms)}, score ${ms(growth.engine.score_ms)}, diff ${ms(growth.engine.diff_ms)}); `
      + `wasm memory ${mb(growth.memory)} (${(growth.memory / growth.bytes).toFixed(1)}x the input)`);

    const one = await profiledPageRun(page, summary, report);
    console.log(`page, click to rendered results: Mueller ${ms(one.ms)} (page thread: ${one.where})`);
    const many = await profiledPageRun(page, summary, big);
    console.log(`page, click to rendered results: report x${REPEATS} ${ms(many.ms)}, ${(many.ms / one.ms).toFixed(1)}x `
      + `(page thread: ${many.where}); page JS heap ${mb(many.after.JSHeapUsedSize)} used of `
      + `${mb(many.after.JSHeapTotalSize)}, ${many.after.Nodes} DOM nodes`);

    if (PEERS) {
      const peers = await inWorker(page, { summary, report, peers: true });
      for (const name of ['jsdiff', 'diff-match-patch']) {
        const label = name === 'jsdiff' ? 'jsdiff diffWords' : 'diff-match-patch diff_main (no timeout)';
        console.log(`${label}: ${ms(peers[name].ms)}, ${(peers[name].ms / json.total).toFixed(0)}x Lacuna's ${ms(json.total)}`);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
