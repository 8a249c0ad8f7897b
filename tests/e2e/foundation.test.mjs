// Foundation end-to-end tests: the static server's guarantees, then the real
// page driven through its own controls in headless Chromium on the Mueller
// report, checking the verdicts render and nothing leaves the page's origin.
// Needs a built pkg/ (scripts/build.sh) and ../shared/data.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  CSP,
  DATA_DIR,
  ROOT,
  launchBrowser,
  saveScreenshot,
  startApp,
  watchRequests,
} from './helpers.mjs';

const SUMMARY = path.join(DATA_DIR, 'mueller-vol2', 'clean', 'summary.txt');
const REPORT = path.join(DATA_DIR, 'mueller-vol2', 'clean', 'report.txt');

/** Sends one raw HTTP/1.1 request line (no client-side normalisation) and returns the status code. */
function rawStatus(port, method, target) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let head = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      head += chunk;
    });
    socket.on('end', () => resolve(Number(head.split(' ', 2)[1])));
    socket.on('error', reject);
  });
}

let app;
before(async () => {
  for (const f of ['pkg/lacuna.js', 'pkg/lacuna_bg.wasm', 'www/index.html']) {
    assert.ok(existsSync(path.join(ROOT, f)), `${f} is missing: run scripts/build.sh first`);
  }
  app = await startApp();
});
after(async () => {
  await app?.close();
});

describe('static server', () => {
  test('serves the page and the wasm with the security headers', async () => {
    const page = await fetch(app.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.equal(page.headers.get('content-security-policy'), CSP);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');

    const wasm = await fetch(new URL('pkg/lacuna_bg.wasm', app.url));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');

    const glue = await fetch(new URL('pkg/lacuna.js', app.url));
    assert.match(glue.headers.get('content-type'), /^text\/javascript/);
    await glue.arrayBuffer();

    const missing = await fetch(new URL('no-such-file.js', app.url));
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-security-policy'), CSP, 'errors carry the CSP too');
    await missing.arrayBuffer();
  });

  test('refuses path traversal and hidden files', async () => {
    const port = new URL(app.url).port;
    for (const target of [
      '/../Cargo.toml',
      '/%2e%2e/Cargo.toml',
      '/pkg/../../Cargo.toml',
      '/pkg/..%2f..%2fCargo.toml',
      '/..%5cCargo.toml',
    ]) {
      assert.equal(await rawStatus(port, 'GET', target), 403, target);
    }
    assert.equal(await rawStatus(port, 'GET', '/%00'), 400);
    assert.equal(await rawStatus(port, 'GET', '/pkg/.gitignore'), 404);
  });

  test('answers only GET and HEAD', async () => {
    const port = new URL(app.url).port;
    assert.equal(await rawStatus(port, 'HEAD', '/pkg/lacuna_bg.wasm'), 200);
    assert.equal(await rawStatus(port, 'POST', '/'), 405);
    assert.equal(await rawStatus(port, 'PUT', '/pkg/lacuna.js'), 405);
  });
});

describe('the page in Chromium', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('watchRequests sees every attempt to leave the origin', async (t) => {
    const page = await browser.newPage();
    t.after(() => page.close());
    const offsite = watchRequests(page, app.url);
    await offsite.ready;
    await page.goto(app.url);
    await page.evaluate(async () => {
      await fetch('/pkg/lacuna.js'); // same origin: not listed
      await fetch('http://127.0.0.2:9/fetch').catch(() => {});
      new Image().src = 'http://127.0.0.3:9/image.png';
      try {
        new WebSocket('ws://127.0.0.4:9/socket');
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await page.waitForTimeout(200);
    assert.deepEqual(
      [...offsite].sort(),
      ['http://127.0.0.2:9/fetch', 'http://127.0.0.3:9/image.png', 'ws://127.0.0.4:9/socket'],
    );
  });

  test('compares the Mueller summary with its report without leaving the origin', async (t) => {
    for (const f of [SUMMARY, REPORT]) assert.ok(existsSync(f), `missing test data ${f}`);

    const page = await browser.newPage();
    t.after(() => page.close());
    const origin = new URL(app.url).origin;
    const offsite = watchRequests(page, origin);
    await offsite.ready;
    const wasmResponses = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('.wasm')) wasmResponses.push(response);
    });
    const pageErrors = [];
    let onPageError;
    const crashed = new Promise((_, reject) => {
      onPageError = reject;
    });
    crashed.catch(() => {});
    page.on('pageerror', (err) => {
      pageErrors.push(err.message);
      onPageError(new Error(`uncaught error in the page: ${err.message}`));
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
        pageErrors.push(`CSP violation: ${msg.text()}`);
      }
    });
    const failedLoads = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failedLoads.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failedLoads.push(`${r.failure()?.errorText} ${r.url()}`));

    try {
      const response = await page.goto(app.url, { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-security-policy'], CSP);

      await page.waitForSelector('#app[data-state="idle"]', { timeout: 30_000 });
      await page.setInputFiles('#summary-file', SUMMARY);
      await page.setInputFiles('#report-file', REPORT);
      await page.click('#compare-button');

      // Done or error, whichever comes first; an uncaught page error ends the wait at once.
      const state = await Promise.race([
        page.waitForFunction(
          () => {
            const s = document.querySelector('#app')?.dataset.state;
            return s === 'done' || s === 'error' ? s : null;
          },
          null,
          { timeout: 60_000 },
        ),
        crashed,
      ]).catch((err) => {
        const loads = failedLoads.length ? `; failed loads: ${failedLoads.join(', ')}` : '';
        throw new Error(`the comparison did not finish: ${err.message}${loads}`);
      });
      const finalState = await state.jsonValue();
      const shown = finalState === 'error' ? await page.locator('#app').innerText() : '';
      assert.equal(finalState, 'done', `the page ended in "error": ${shown.slice(0, 500)}`);

      const statuses = await page.$$eval('#report-view [data-paragraph-id]', (els) =>
        els.map((el) => el.dataset.status ?? ''),
      );
      assert.ok(statuses.length >= 20, `only ${statuses.length} report paragraphs rendered`);
      const verdicts = statuses.filter(Boolean);
      const unknown = verdicts.filter((s) => !['covered', 'partial', 'omitted'].includes(s));
      assert.deepEqual(unknown, [], 'unexpected data-status values');
      const count = (s) => verdicts.filter((v) => v === s).length;
      assert.ok(count('omitted') > 0, 'no report paragraph is marked omitted');
      assert.ok(count('covered') > 0, 'no report paragraph is marked covered');

      assert.ok(wasmResponses.length > 0, 'the page loaded no .wasm');
      for (const r of wasmResponses) {
        assert.equal(r.headers()['content-type'], 'application/wasm', r.url());
      }
      assert.deepEqual(pageErrors, [], 'errors in the page');
      assert.deepEqual(offsite, [], 'requests left the page origin');
    } catch (err) {
      const shot = await saveScreenshot(page, 'foundation-compare');
      if (shot) t.diagnostic(`screenshot: ${shot}`);
      throw err;
    }
  });
});
