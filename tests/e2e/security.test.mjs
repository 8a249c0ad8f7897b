// Hostile documents never run as code (page, <lacuna-compare>, HTML export),
// the Content-Security-Policy forbids what it must, and a whole journey
// (compare, files, exports, service worker, reload) sends nothing off the
// origin. Extends the safety tests of app.test.mjs. Needs a built pkg/.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { CSP, ROOT, servedApp, watchRequests } from './helpers.mjs';

/** Each sets `window.__pwned` or opens a dialog if it ever runs. */
const PAYLOADS = [
  'The board read <script>window.__pwned=1;alert(1)</script> into the minutes of the meeting.',
  'A scan <img src=x onerror="window.__pwned=1;alert(1)"> was attached to the budget filing.',
  'The memo linked <a href="javascript:window.__pwned=1;alert(1)">the budget annex</a> for readers.',
  'A chart <svg onload="window.__pwned=1;alert(1)"><circle r=4 /></svg> showed the budget cuts.',
  'The form closed early </textarea><script>window.__pwned=1;alert(1)</script> in the budget office.',
  'An embed <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> carried the budget table.',
];
const SUMMARY = PAYLOADS.slice(0, 3).join('\n\n');
const REPORT = `${PAYLOADS.join('\n\n')}\n\nThe report adds a paragraph about roads and bridges.`;
const ACTIVE = 'script, img, svg, iframe, object, embed, a[href^="javascript:" i], [onerror], [onload]';

const served = servedApp(['pkg/lacuna.js', 'pkg/lacuna_bg.wasm', 'www/index.html']);

/** A page that records dialogs and off-origin requests; `check()` asserts none happened and nothing ran. */
async function openPage(t, url, contextOptions = {}) {
  const context = await served.browser.newContext({ acceptDownloads: true, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const offsite = watchRequests(page, served.origin);
  await offsite.ready;
  await page.goto(url);
  const check = async () => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
    assert.deepEqual(dialogs, [], 'a payload opened a dialog');
    assert.deepEqual(offsite, [], 'requests left the page origin');
  };
  return { context, page, check };
}

async function compareOnPage(page) {
  await page.waitForSelector('#app[data-state="idle"]');
  await page.fill('#summary-text', SUMMARY);
  await page.fill('#report-text', REPORT);
  await page.click('#compare-button');
  await page.waitForSelector('#app[data-state="done"]', { timeout: 60_000 });
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFile(await file.path(), 'utf8');
}

test('hostile markup in documents shows as text in the page, its link details and the HTML export', async (t) => {
  const { page, check } = await openPage(t, served.url);
  await compareOnPage(page);
  assert.equal(await page.$$eval(`#summary-view :is(${ACTIVE}), #report-view :is(${ACTIVE})`, (e) => e.length), 0);
  const shown = await page.textContent('#report-view');
  for (const payload of PAYLOADS) assert.ok(shown.includes(payload.slice(13, 60)), `shown as text: ${payload}`);
  // Link details render terms and word diffs of the hostile sentences.
  await page.click('#summary-view [data-sentence-id]');
  assert.equal(await page.$$eval(`#link-detail-body :is(${ACTIVE})`, (e) => e.length), 0);
  await check();

  // The exported report, opened with JavaScript on, runs nothing either.
  const html = await download(page, '#export-html');
  assert.doesNotMatch(html, /<(script|img|svg|iframe)\b/i);
  const viewer = await page.context().newPage();
  const dialogs = [];
  viewer.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await viewer.setContent(html);
  await viewer.$$eval('a', (links) => links.forEach((a) => a.click()));
  assert.equal(await viewer.evaluate(() => window.__pwned), undefined, 'the export ran a payload');
  assert.deepEqual(dialogs, []);
  assert.ok((await viewer.textContent('body')).includes('<script>window.__pwned=1;alert(1)</script>'));
});

test('the <lacuna-compare> element shows hostile markup as text', async (t) => {
  const { page, check } = await openPage(t, new URL('embed.html', served.url).href);
  const done = page.evaluate(() => new Promise((resolve, reject) => {
    const element = document.querySelector('lacuna-compare');
    element.addEventListener('lacuna-done', () => resolve(), { once: true });
    element.addEventListener('lacuna-error', (e) => reject(new Error(e.detail?.message ?? 'lacuna-error')), { once: true });
  }));
  await page.evaluate(([summary, report]) => {
    const element = document.querySelector('lacuna-compare');
    element.summary = summary;
    element.report = report;
  }, [SUMMARY, REPORT]);
  await done;
  const active = await page.$eval('lacuna-compare', (el, selector) => {
    const root = el.shadowRoot ?? el;
    return root.querySelectorAll(selector).length;
  }, ACTIVE.replace('svg, ', ''));
  assert.equal(active, 0, 'active elements inside the component');
  await check();
});

/** Directives of a CSP string as a Map of name → list of sources. */
function parseCsp(policy) {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name.toLowerCase(), sources];
  }));
}

function assertStrict(policy, where) {
  const csp = parseCsp(policy);
  assert.deepEqual(csp.get('connect-src'), ["'self'"], `${where}: connect-src`);
  assert.deepEqual(csp.get('object-src'), ["'none'"], `${where}: object-src`);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  assert.ok(scripts, `${where}: no script-src`);
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `${where}: script-src ${scripts}`);
  assert.ok(scripts.every((s) => s.startsWith("'")), `${where}: script-src allows a host: ${scripts}`);
}

test('the Content-Security-Policy of the server and of the page forbid scripts, plugins and connections elsewhere', async () => {
  const response = await fetch(served.url);
  assertStrict(response.headers.get('content-security-policy'), 'header');
  assert.equal(response.headers.get('content-security-policy'), CSP);
  const html = await readFile(path.join(ROOT, 'www', 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i);
  assert.ok(meta, 'www/index.html has a CSP meta tag');
  assertStrict(meta[1], 'meta tag');
});

test('a whole session sends nothing off the origin: example, pasted and picked files, exports, service worker, reload', async (t) => {
  const { page, check } = await openPage(t, served.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.click('#load-example');
  await page.waitForSelector('#app[data-state="done"]', { timeout: 120_000 });
  await page.click('#summary-view [data-sentence-id]');
  for (const button of ['#export-json', '#export-csv-omissions', '#export-csv-facts', '#export-html']) {
    assert.ok((await download(page, button)).length > 100, `${button} exported`);
  }
  await page.setInputFiles('#summary-file', { name: 's.txt', mimeType: 'text/plain', buffer: Buffer.from(SUMMARY) });
  await page.setInputFiles('#report-file', { name: 'r.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) });
  await page.click('#compare-button');
  await page.waitForSelector('#app[data-state="done"]', { timeout: 60_000 });
  await page.reload();
  await page.waitForSelector('#app[data-state="idle"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await check();
});
