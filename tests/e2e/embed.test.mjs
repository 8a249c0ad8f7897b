// End-to-end tests of embedding Lacuna (issue 6): the example page
// www/embed.html, which uses nothing but the npm package served from /pkg/ —
// the <lacuna-compare> element and the JavaScript API — in headless Chromium
// under the app's Content-Security-Policy. Checks what the element reports and
// renders, that documents stay text, that pages can style it, that errors
// arrive as events with the core's words, and that no request leaves the
// page's origin. Needs a built pkg/ (scripts/build.sh).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';

import { ROOT, saveScreenshot, servedApp, watchRequests } from './helpers.mjs';

const SUMMARY = "The city's water treatment plant failed its safety inspection because the chlorine pumps were broken.";
const REPORT = [
  "Inspectors visited the city's water treatment plant in March. The plant failed its safety inspection because the chlorine pumps were broken.",
  "The public library's budget fell by a third over five years, and two branches in the northern districts closed their reading rooms on weekends.",
  'Resurfacing of the ring road was postponed to 2027 after the contractor, Harbour Civil Ltd, withdrew from the tender.',
].join('\n\n');
const PARTS = ['frame', 'inputs', 'status', 'error', 'results', 'notices', 'figures', 'map', 'omissions', 'summary', 'report', 'alignment'];

const served = servedApp(['pkg/element.js', 'pkg/index.js', 'pkg/lacuna_bg.wasm', 'www/embed.html']);

/**
 * Opens the embedding example in a fresh context. Resolves to `{ page, check,
 * loaded }`: `check()` asserts no request left the origin and nothing went
 * wrong in the page (uncaught errors, console errors such as CSP violations,
 * failed loads); `loaded` lists the same-origin paths the page requested.
 */
async function openEmbed(t) {
  const context = await served.browser.newContext({ viewport: { width: 1300, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const offsite = watchRequests(page, served.origin);
  await offsite.ready;
  const problems = [];
  const loaded = new Set();
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === served.origin) loaded.add(url.pathname);
  });
  await page.goto(new URL('embed.html', served.url).href);
  await page.evaluate(() => customElements.whenDefined('lacuna-compare'));
  const check = () => {
    assert.deepEqual(offsite, [], 'requests left the page origin');
    assert.deepEqual(problems, [], 'errors in the page');
  };
  return { page, check, loaded };
}

/**
 * Sets `props` on the element (texts, options) and resolves to the first
 * `lacuna-done` or `lacuna-error` event after it: `{ type, detail }`
 * (`type` "none" if neither came within 30 s).
 */
function setOnElement(page, props) {
  return page.evaluate((props) => new Promise((resolve) => {
    const element = document.querySelector('lacuna-compare');
    const settle = (event) => {
      element.removeEventListener('lacuna-done', settle);
      element.removeEventListener('lacuna-error', settle);
      resolve({ type: event.type, detail: event.detail });
    };
    element.addEventListener('lacuna-done', settle);
    element.addEventListener('lacuna-error', settle);
    setTimeout(() => settle({ type: 'none', detail: 'no event within 30 s' }), 30_000);
    Object.assign(element, props);
  }), props);
}

/** A locator inside the element's shadow root (Playwright's CSS pierces open shadow roots). */
const inside = (page, selector) => page.locator(`lacuna-compare ${selector}`);

describe('the <lacuna-compare> element on the embedding example', () => {
  test('compares two texts set on it, reports the result and shows what the summary left out', async (t) => {
    const { page, check } = await openEmbed(t);
    try {
      const { type, detail } = await setOnElement(page, { summary: SUMMARY, report: REPORT });
      assert.equal(type, 'lacuna-done', `the element reported ${type}: ${JSON.stringify(detail)}`);
      const { result } = detail;
      assert.deepEqual(Object.keys(result).sort(), ['facts', 'notices', 'omissions', 'report', 'sections', 'stats', 'summary']);
      const status = (needle) => result.report.paragraphs.find((p) => p.text.includes(needle))?.status;
      assert.equal(status("library's budget"), 'omitted');
      assert.equal(status('ring road'), 'omitted');
      assert.notEqual(status('chlorine pumps'), 'omitted');
      assert.ok(result.omissions.length >= 2, `${result.omissions.length} omissions`);
      assert.equal(await page.evaluate(() => document.querySelector('lacuna-compare').result.stats.coverage), result.stats.coverage,
        'the result property holds what the event carried');

      // Every documented part is there, for pages to style.
      for (const part of PARTS) assert.equal(await inside(page, `[part~="${part}"]`).count(), 1, `part ${part}`);

      // Headline figures, the coverage strip and the ranked omissions.
      const figures = await inside(page, '[part~="figures"] [data-figure]').evaluateAll((els) =>
        Object.fromEntries(els.map((el) => [el.dataset.figure, el.querySelector('.figure-value').textContent])));
      assert.deepEqual(Object.keys(figures), ['coverage', 'omissions', 'facts', 'unsupported', 'compression']);
      assert.equal(figures.coverage, `${Math.round(result.stats.coverage * 100)}%`);
      assert.equal(figures.omissions, String(result.omissions.length));
      const inked = await inside(page, 'canvas').evaluate((c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
        return n;
      });
      assert.ok(inked > 500, 'the coverage strip is drawn');
      const items = inside(page, '[part~="omissions"] [data-omission-rank]');
      assert.equal(await items.count(), result.omissions.length);
      assert.ok(await items.first().isVisible());
      assert.ok((await items.first().textContent()).includes(result.omissions[0].preview.slice(0, 30)));

      // The omitted report text is visible and marked in the report pane.
      const library = inside(page, '[part~="report"] .s[data-status="omitted"]').filter({ hasText: "library's budget" });
      assert.ok(await library.isVisible(), 'the omitted library sentence is shown');
      const tint = await library.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(tint, 'rgba(0, 0, 0, 0)', 'omitted text is tinted');

      // Keyboard: the omissions are buttons; arrow keys step through them and mark the passage.
      await items.nth(0).locator('button').focus();
      await page.keyboard.press('Enter');
      await inside(page, '[data-omission-rank="1"][aria-current="true"]').waitFor();
      await page.keyboard.press('ArrowDown');
      await inside(page, '[data-omission-rank="2"][aria-current="true"]').waitFor();
      const current = await inside(page, '[part~="report"] .s.current').evaluateAll((els) => els.map((el) => el.dataset.status));
      assert.ok(current.length > 0 && current.every((s) => s === 'omitted'), `marked: ${current}`);

      // A summary sentence lights up the report sentence it draws on, and the alignment panel shows the word diff.
      await inside(page, '[part~="summary"] .s').first().click();
      await inside(page, '[part~="report"] .s.linked-best').waitFor();
      assert.match(await inside(page, '[part~="alignment"]').textContent(), /Shared terms:/);
      assert.ok(await inside(page, '[part~="alignment"] .diff .kept').count() > 0);
      assert.match(await inside(page, '[part~="status"]').textContent(), /^Compared \d+ summary words with \d+ report words/);
      check();
    } catch (err) {
      await saveScreenshot(page, 'embed-element');
      throw err;
    }
  });

  test('documents are rendered as text: markup in them never runs', async (t) => {
    const { page, check } = await openEmbed(t);
    const script = '<script>window.__pwned=1</script>';
    const img = '<img src=x onerror="window.__pwned=1">';
    const { type, detail } = await setOnElement(page, {
      summary: `The committee found ${script} in the minutes.\n\nAn image ${img} was attached to the filing.`,
      report: `The committee found ${script} in the minutes of the meeting.\n\nAn image ${img} was attached to the filing in March.\n\n`
        + `A second paragraph about <b onmouseover="window.__pwned=1">roads</b> and bridges that the summary leaves out entirely.`,
    });
    assert.equal(type, 'lacuna-done', JSON.stringify(detail));
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
    const injected = await page.evaluate(() => document.querySelector('lacuna-compare').shadowRoot.querySelectorAll('img, script, b').length);
    assert.equal(injected, 0, 'no element came from the documents');
    const shown = await inside(page, '[part~="summary"]').textContent();
    assert.ok(shown.includes(script) && shown.includes(img), 'the markup shows as text');
    assert.ok((await inside(page, '[part~="omissions"]').textContent()).includes('<b onmouseover='), 'previews too');
    await inside(page, '[part~="report"] .s').last().hover();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    check();
  });

  test('bad input ends in lacuna-error with the core\'s message, and compare() rejects with it', async (t) => {
    const { page, check } = await openEmbed(t);
    const unknown = await setOnElement(page, { summary: SUMMARY, report: REPORT, options: { covered_treshold: 0.6 } });
    assert.equal(unknown.type, 'lacuna-error');
    assert.match(unknown.detail.message, /unknown setting "covered_treshold"/);
    assert.match(await inside(page, '[part~="error"]').textContent(), /unknown setting "covered_treshold"/);

    const rejected = await page.evaluate(async () => {
      const element = document.querySelector('lacuna-compare');
      element.options = { covered_threshold: 0.6 };
      element.summary = '   ';
      try {
        await element.compare();
        return null;
      } catch (error) {
        return { isError: error instanceof Error, message: error.message, shown: element.shadowRoot.querySelector('[part~="error"]').textContent };
      }
    });
    assert.deepEqual(rejected, { isError: true, message: 'The summary is empty: it has no words to compare.', shown: rejected.message });

    // Fixed input clears the error; the element survives being moved in the page (a new worker).
    const fixed = await page.evaluate(() => {
      const element = document.querySelector('lacuna-compare');
      document.querySelector('main').prepend(element);
      return element.isConnected;
    });
    assert.ok(fixed);
    const done = await setOnElement(page, { summary: SUMMARY });
    assert.equal(done.type, 'lacuna-done', JSON.stringify(done.detail));
    assert.equal(await inside(page, '[part~="error"]').textContent(), '');
    check();
  });

  test('its file pickers read files through the core decoder and refuse a PDF', async (t) => {
    const { page, check } = await openEmbed(t);
    const pickers = inside(page, '[part~="inputs"] input[type="file"]');
    assert.equal(await pickers.count(), 2);
    // Record the element's events from now on; `next(type)` waits for the first unseen one.
    await page.evaluate(() => {
      window.lacunaEvents = [];
      for (const type of ['lacuna-done', 'lacuna-error']) {
        document.querySelector('lacuna-compare').addEventListener(type, (e) => window.lacunaEvents.push({ type, detail: e.detail }));
      }
    });
    let seen = 0;
    const next = async (type) => {
      const handle = await page.waitForFunction((n) => window.lacunaEvents[n], seen);
      seen += 1;
      const event = await handle.jsonValue();
      assert.equal(event.type, type, JSON.stringify(event.detail));
      return event.detail;
    };

    await pickers.nth(1).setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1') });
    assert.match((await next('lacuna-error')).message, /report\.pdf: .*not a text file/);
    assert.match(await inside(page, '[part~="error"]').textContent(), /report\.pdf/);

    // Windows-1252: "café" with curly quotes.
    const cp1252 = Buffer.from(`${SUMMARY} The caf\xe9 \x93opens\x94.`, 'latin1');
    await pickers.nth(0).setInputFiles({ name: 'summary.txt', mimeType: 'text/plain', buffer: cp1252 });
    await pickers.nth(1).setInputFiles({ name: 'report.md', mimeType: 'text/markdown', buffer: Buffer.from(REPORT) });
    const { result } = await next('lacuna-done');
    assert.ok(result.summary.paragraphs[0].text.includes('café “opens”'), result.summary.paragraphs[0].text);
    assert.match(await inside(page, '[part~="inputs"]').textContent(), /summary\.txt.*report\.md/);
    check();
  });

  test('texts set before the element is defined are not lost', async (t) => {
    const context = await served.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    // The example page without its script: the tag is there, the element not yet defined.
    await page.route('**/embed-example.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(new URL('embed.html', served.url).href);
    const outcome = await page.evaluate(async ([summary, report]) => {
      const element = document.querySelector('lacuna-compare');
      element.summary = summary;
      element.report = report;
      const settled = new Promise((resolve) => {
        element.addEventListener('lacuna-done', (e) => resolve(`done: ${e.detail.result.omissions.length} omissions`));
        element.addEventListener('lacuna-error', (e) => resolve(`error: ${e.detail.message}`));
        setTimeout(() => resolve('no event within 30 s'), 30_000);
      });
      await import('/pkg/element.js');
      return settled;
    }, [SUMMARY, REPORT]);
    assert.match(outcome, /^done: [1-9]\d* omissions$/);
  });

  test('pages style it through custom properties and ::part', async (t) => {
    const { page, check } = await openEmbed(t);
    await setOnElement(page, { summary: SUMMARY, report: REPORT });
    const styled = await page.evaluate(() => {
      const element = document.querySelector('lacuna-compare');
      element.style.setProperty('--omitted', 'rgb(1, 2, 3)');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('lacuna-compare::part(figures) { outline: 3px solid rgb(4, 5, 6); }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const root = element.shadowRoot;
      return {
        weight: getComputedStyle(root.querySelector('.weight-bar')).backgroundColor,
        outline: getComputedStyle(root.querySelector('[part~="figures"]')).outlineColor,
        font: getComputedStyle(root.querySelector('[part~="report"] .doc')).fontFamily,
      };
    });
    assert.equal(styled.weight, 'rgb(1, 2, 3)', 'a custom property set on the element reaches the omissions');
    assert.equal(styled.outline, 'rgb(4, 5, 6)', '::part(figures) applies');
    assert.match(styled.font, /Charter|Georgia|serif/, 'the app\'s stylesheets are adopted');
    check();
  });
});

describe('the embedding example page', () => {
  test('works through its own controls and uses the API in the page', async (t) => {
    const { page, check } = await openEmbed(t);
    try {
      await page.click('#sample');
      await page.waitForSelector('#events li');
      assert.match(await page.textContent('#events li'), /^lacuna-done: \d+% of the report covered, \d+ omitted passages?\./);
      await page.waitForFunction(() => /paragraph/.test(document.querySelector('#report-count').textContent));
      assert.match(await page.textContent('#report-count'), /^\d+ paragraphs, \d+ words$/, 'segment() ran in the page');
      check();
    } catch (err) {
      await saveScreenshot(page, 'embed-page');
      throw err;
    }
  });

  test('the package API works in the browser, errors included', async (t) => {
    const { page, check } = await openEmbed(t);
    const outcome = await page.evaluate(async ([summary, report]) => {
      const lacuna = await import('/pkg/index.js');
      await lacuna.init(new URL('/pkg/lacuna_bg.wasm', location.href));
      const result = lacuna.compare(summary, report, { covered_threshold: 0.6 });
      const failure = (fn) => {
        try {
          fn();
          return null;
        } catch (error) {
          return `${error instanceof Error && !(error instanceof WebAssembly.RuntimeError) ? 'Error' : 'NOT an Error'}: ${error.message}`;
        }
      };
      return {
        omissions: result.omissions.length,
        paragraphs: lacuna.segment(report).paragraphs.length,
        kept: lacuna.wordDiff('The plant failed its inspection in March.', 'The plant failed.').kept_share,
        errors: [
          failure(() => lacuna.compare('', report)),
          failure(() => lacuna.compare(summary, 7)),
          failure(() => lacuna.compare(summary, report, 'fast')),
        ],
      };
    }, [SUMMARY, REPORT]);
    assert.ok(outcome.omissions >= 2 && outcome.paragraphs === 3 && outcome.kept > 0 && outcome.kept < 1, JSON.stringify(outcome));
    assert.deepEqual(outcome.errors, [
      'Error: The summary is empty: it has no words to compare.',
      'Error: report must be a string, got number.',
      'Error: Invalid options: expected an object of settings, such as { covered_threshold: 0.6 }',
    ]);
    check();
  });

  test('every file the page loads is on the service worker\'s list, so it works offline', async (t) => {
    const { page, check, loaded } = await openEmbed(t);
    await setOnElement(page, { summary: SUMMARY, report: REPORT });
    const sw = await readFile(path.join(ROOT, 'www', 'sw.js'), 'utf8');
    const listed = new Set([...sw.matchAll(/^\s*'([^']+)',$/gm)].map((m) => m[1]));
    const paths = [...loaded].map((p) => p.slice(1));
    assert.ok(paths.includes('pkg/element.js') && paths.includes('pkg/lacuna_bg.wasm'), paths.join(', '));
    assert.deepEqual(paths.filter((p) => !listed.has(p)), [], 'files missing from the service worker cache list');
    check();
  });
});
