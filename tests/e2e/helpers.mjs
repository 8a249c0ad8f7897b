// Shared helpers for the end-to-end tests (run with `node --test tests/e2e/`).
// They drive Debian's Chromium through playwright-core against the real
// server of scripts/serve.mjs, serving www/ and the built pkg/.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { ROOT, startServer } from '../../scripts/serve.mjs';

export { CSP, ROOT } from '../../scripts/serve.mjs';

/** The development data folder, ../shared/data beside the repository. */
export const DATA_DIR = path.resolve(ROOT, '..', 'shared', 'data');

/** Where failing tests leave screenshots (ignored by git). */
export const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'e2e', 'artifacts');

/** The browser binary; CHROMIUM_PATH overrides Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Chromium flags: headless, no sandbox (root), and no background traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Starts the app's static server on a free loopback port.
 * Resolves to `{ url, close }`: `url` is the page ("http://127.0.0.1:PORT/"),
 * `close()` stops the server. The page needs a built pkg/ (scripts/build.sh).
 */
export async function startApp() {
  const { url, close } = await startServer({ port: 0 });
  return { url, close };
}

/**
 * Launches headless Chromium and resolves to a playwright `Browser`; call
 * `browser.close()` when done. Playwright gives every launch a fresh, empty
 * temporary profile (its own --user-data-dir) and deletes it on close.
 */
export async function launchBrowser() {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  } catch (err) {
    throw new Error(
      `cannot start Chromium at ${CHROMIUM_PATH} (run scripts/setup.sh, or set CHROMIUM_PATH): ${err.message}`,
    );
  }
}

/**
 * Serves the app and launches Chromium once for a test file: registers the
 * `before` and `after` hooks and returns an object whose `url` (the page),
 * `origin` and `browser` are set once `before` has run. `required` lists
 * files of the build (relative to the repository) whose absence fails early
 * with a hint instead of a page that cannot load; `ready(served)`, if given,
 * runs once both are up (a file's own `before` hooks may run before these).
 */
export function servedApp(required = [], ready = async () => {}) {
  const served = {};
  before(async () => {
    for (const f of required) {
      assert.ok(existsSync(path.join(ROOT, f)), `${f} is missing: run scripts/build.sh first`);
    }
    const app = await startApp();
    served.close = app.close;
    served.url = app.url;
    served.origin = new URL(app.url).origin;
    served.browser = await launchBrowser();
    await ready(served);
  });
  after(async () => {
    await served.browser?.close();
    await served.close?.();
  });
  return served;
}

/** Console prefix of the CSP violations the init script of `watchRequests` reports. */
const VIOLATION_TAG = '[lacuna-e2e csp-violation]';

/**
 * Watches `page` and returns an array that fills with the URL of every request
 * whose origin differs from `origin` (e.g. "http://127.0.0.1:8080"): fetches,
 * scripts, images, workers' requests, WebSockets, requests of service workers
 * in the page's context, and attempts the page's CSP blocked before they
 * reached the network (seen as `securitypolicyviolation` events in the page's
 * documents; a dedicated worker's blocked fetch shows no trace). data:, blob:
 * and about: URLs never reach the network and are not listed; each URL is
 * listed once. Call it before `page.goto`, and `await list.ready` (a non-enumerable
 * promise on the array) so the CSP listener is in place before the page loads.
 */
export function watchRequests(page, origin) {
  const expected = new URL(origin).origin;
  const offsite = [];
  const seen = new WeakSet();
  const note = (url) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      if (!offsite.includes(url)) offsite.push(url);
      return;
    }
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return;
    if (parsed.origin !== expected && !offsite.includes(url)) offsite.push(url);
  };
  const onRequest = (request) => {
    if (seen.has(request)) return;
    seen.add(request);
    note(request.url());
  };
  page.on('request', onRequest);
  page.on('websocket', (ws) => note(ws.url()));
  // Service workers' own requests are reported on the context, not the page.
  page.context().on('request', onRequest);
  // Requests the CSP blocked never reach the network layer Playwright sees.
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith(VIOLATION_TAG)) return;
    const blocked = text.slice(VIOLATION_TAG.length).trim();
    // "inline", "eval", "wasm-eval" are not requests (the page's own CSP errors cover them).
    if (/^[a-z][a-z0-9+.-]*:/i.test(blocked)) note(blocked);
  });
  const ready = page.addInitScript((tag) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.debug(`${tag} ${event.blockedURI}`);
    });
  }, VIOLATION_TAG);
  Object.defineProperty(offsite, 'ready', { value: ready, enumerable: false });
  return offsite;
}

/**
 * Saves a full-page screenshot of `page` to tests/e2e/artifacts/NAME.png for
 * a failing test; never throws (the test's own error matters more).
 * Resolves to the file's path, or null.
 */
export async function saveScreenshot(page, name) {
  try {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch {
    return null;
  }
}
