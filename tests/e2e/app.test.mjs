// End-to-end tests of the page journalists use (issue 5), driven through its
// own controls in headless Chromium: the built-in example, figures, coverage
// map, omissions, linked panes, threshold, exports, text-only rendering of
// hostile input, offline use through the service worker, and no request ever
// leaving the page's origin. Takes screenshots of the main views into
// tests/e2e/artifacts/, or into docs/screenshots/ with UPDATE_SCREENSHOTS=1.
// Needs a built pkg/ (scripts/build.sh).

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS_DIR, ROOT, saveScreenshot, servedApp, watchRequests } from './helpers.mjs';

// Committed pictures change only when asked to, so a test run leaves the tree clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, 'docs', 'screenshots') : ARTIFACTS_DIR;
const VIEWPORT = { width: 1440, height: 900 };

const served = servedApp(['pkg/lacuna.js', 'pkg/lacuna_bg.wasm', 'www/index.html']);
before(() => mkdir(SCREENSHOTS, { recursive: true }));

/** A fresh context and page, watched (see `watch`); `check()` asserts nothing went wrong. */
async function openPage(t, contextOptions = {}) {
  const context = await served.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  const check = watch(page);
  await page.goto(served.url);
  await page.waitForSelector('#app[data-state="idle"]');
  return { context, page, check };
}

/** Records off-origin requests, uncaught errors, console errors (CSP violations among them) and failed loads. */
function watch(page) {
  const offsite = watchRequests(page, served.origin);
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  return () => {
    assert.deepEqual(offsite, [], 'requests left the page origin');
    assert.deepEqual(problems, [], 'errors in the page');
  };
}

/** Waits for the current comparison to end and insists it ended well. */
async function waitDone(page, timeout = 60_000) {
  const state = await page.waitForFunction(() => {
    const s = document.querySelector('#app').dataset.state;
    return s === 'done' || s === 'error' ? s : null;
  }, null, { timeout });
  const final = await state.jsonValue();
  assert.equal(final, 'done', `comparison ended in error: ${await page.textContent('#error')}`);
}

/**
 * Clicks the built-in example on a fresh (idle) page and resolves to the milliseconds until results
 * were rendered. It waits for the end state only: the "working" state can come and go between two
 * polls on a fast run, and waiting for it made the test flaky.
 */
async function loadExample(page) {
  const started = Date.now();
  await page.click('#load-example');
  await waitDone(page);
  return Date.now() - started;
}

/** Whether the element is visible inside its scrolling pane and inside the window. */
function inView(page, selector) {
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    const pane = el.closest('.doc').getBoundingClientRect();
    const visible = (outer) => box.bottom > outer.top && box.top < outer.bottom;
    return visible(pane) && visible({ top: 0, bottom: innerHeight });
  });
}

/** Polls `fn` until it returns truthy (for smooth scrolling and debounced work). */
async function eventually(fn, what, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const statusCounts = (page) => page.$$eval('#report-view [data-paragraph-id]', (els) => {
  const counts = { covered: 0, partial: 0, omitted: 0 };
  for (const el of els) if (el.dataset.status in counts) counts[el.dataset.status] += 1;
  return counts;
});

async function shot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('the Lacuna page on the Mueller example', () => {
  let page;
  let check;
  before(async () => {
    const context = await served.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    page = await context.newPage();
    check = watch(page);
    await page.goto(served.url);
    await page.waitForSelector('#app[data-state="idle"]');
  });
  after(async () => {
    await page?.context().close();
  });

  test('loads the example and shows headline figures, the coverage map and sections', async (t) => {
    try {
      const elapsed = await loadExample(page);
      t.diagnostic(`example: click to rendered results in ${elapsed} ms`);

      assert.ok(await page.isVisible('#credit'), 'the example credit is shown');
      assert.match(await page.textContent('#credit'), /Ian Dennis Miller, CC BY 3\.0/);
      const figures = await page.$$eval('#figures [data-figure]', (els) =>
        Object.fromEntries(els.map((el) => [el.dataset.figure, el.querySelector('.figure-value').textContent])));
      assert.deepEqual(Object.keys(figures), ['coverage', 'omissions', 'facts', 'unsupported', 'compression']);
      assert.match(figures.coverage, /^\d+(\.\d)?%$/);
      assert.ok(Number(figures.omissions.replace(/,/g, '')) > 10, `omissions: ${figures.omissions}`);
      assert.ok(Number(figures.facts.replace(/,/g, '')) > 10, `facts: ${figures.facts}`);
      assert.match(figures.compression, /^1 : \d+$/);
      // Coverage is a share of the body text: the words it counts leave out headings (and notes).
      const coverageDetail = await page.textContent('#figures [data-figure="coverage"] .figure-detail');
      const bodyWords = Number((coverageDetail.match(/of ([\d,]+) words of body text/) || [])[1]?.replace(/,/g, ''));
      const reportWords = Number((await page.textContent('#report-pane-words')).replace(/\D/g, ''));
      assert.ok(bodyWords > 0.9 * reportWords && bodyWords < reportWords, `${coverageDetail} (${reportWords} report words)`);

      const paragraphs = await page.$$eval('#report-view [data-paragraph-id]', (els) => els.length);
      assert.ok(paragraphs > 300, `${paragraphs} report paragraphs rendered`);
      // A numbered heading or paragraph ("2. Judicial Decisions …") shows its number once: it is part of the text.
      const numbered = await page.$$eval('#report-view .kind-heading', (els) => els.map((el) => el.textContent));
      assert.deepEqual(numbered.filter((text) => /^(\S+) \1/.test(text)), [], 'numbers shown twice');
      assert.ok(numbered.some((text) => /^\d+\. \S/.test(text)), 'numbered headings rendered');
      const counts = await statusCounts(page);
      assert.ok(counts.omitted > 0 && counts.covered > 0, JSON.stringify(counts));
      assert.ok(await page.$$eval('#summary-view [data-sentence-id][data-status]', (els) => els.length) > 50);
      assert.ok(await page.$$eval('#sections-list li', (els) => els.length) > 5, 'sections listed');

      // The coverage map is drawn and jumps to the paragraph under the pointer.
      const map = await page.$('#coverage-map');
      const box = await map.boundingBox();
      assert.ok(box.width > 500 && box.height > 30, 'map has a size');
      const inked = await page.$eval('#coverage-map', (c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
        return n;
      });
      assert.ok(inked > 1000, 'the map is drawn');
      await page.mouse.click(box.x + box.width * 0.75, box.y + box.height - 5);
      assert.match(await page.textContent('#map-caption'), /Paragraph \d+ of \d+/);
      await eventually(() => inView(page, '#report-view .para.current'), 'the picked paragraph to scroll into view');

      await page.evaluate(() => document.querySelector('#results').scrollIntoView());
      await shot(page, 'overview');
      check();
    } catch (err) {
      await saveScreenshot(page, 'app-overview');
      throw err;
    }
  });

  test('lists omissions, highlights them, and scrolls the report to the one clicked', async () => {
    try {
      const ranks = await page.$$eval('#omissions-list [data-omission-rank]', (els) => els.map((el) => +el.dataset.omissionRank));
      assert.ok(ranks.length > 10, `${ranks.length} omissions listed`);
      assert.deepEqual(ranks.slice(0, 3), [1, 2, 3], 'ranked weightiest first');
      const first = await page.textContent('#omissions-list [data-omission-rank="1"]');
      assert.match(first, /Key terms:/);

      // Omitted report text is visibly marked (a tint), not only tagged.
      const tint = await page.$eval('#report-view .kind-paragraph .s[data-status="omitted"]', (el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(tint, 'rgba(0, 0, 0, 0)', 'omitted text has a background');

      await page.click('#omissions-list [data-omission-rank="3"] .omission-open');
      await page.waitForSelector('#omissions-list [data-omission-rank="3"][aria-current="true"]');
      await eventually(() => inView(page, '#report-view .s.current'), 'omission 3 to scroll into view');
      const current = await page.$$eval('#report-view .s.current', (els) => els.map((el) => el.dataset.status));
      assert.ok(current.length > 0 && current.every((s) => s === 'omitted'), `highlighted: ${current}`);

      // Keyboard: j goes to the next omission, k back.
      const before = await page.$eval('#report-view .s.current', (el) => el.dataset.sentenceId);
      await page.keyboard.press('j');
      await page.waitForSelector('#omissions-list [data-omission-rank="4"][aria-current="true"]');
      await eventually(() => inView(page, '#report-view .s.current'), 'omission 4 to scroll into view');
      const next = await page.$eval('#report-view .s.current', (el) => el.dataset.sentenceId);
      assert.notEqual(next, before);
      await page.keyboard.press('k');
      await page.waitForSelector('#omissions-list [data-omission-rank="3"][aria-current="true"]');
      await eventually(() => inView(page, '#report-view .s.current'), 'omission 3 again');
      await page.waitForTimeout(400); // let the smooth scroll settle for the picture
      await shot(page, 'omissions');
      check();
    } catch (err) {
      await saveScreenshot(page, 'app-omissions');
      throw err;
    }
  });

  test('a summary sentence lights up its linked report sentences, terms and word diff', async () => {
    try {
      // Hover: the best linked report sentence is highlighted and scrolled to.
      const target = '#summary-view .s[data-status="supported"]';
      const sentences = await page.$$(target);
      assert.ok(sentences.length > 5);
      await sentences[4].scrollIntoViewIfNeeded();
      await sentences[4].hover();
      await page.waitForSelector('#summary-view .s.active');
      await page.waitForSelector('#report-view .s.linked-best');
      await eventually(() => inView(page, '#report-view .s.linked-best'), 'the best link to scroll into view');
      const detail = page.locator('#link-detail-body');
      assert.match(await detail.textContent(), /Shared terms:/);
      assert.ok(await detail.locator('.diff .kept').count() > 0, 'the word diff shows kept words');
      assert.ok(await detail.locator('.diff del, .diff ins').count() > 0, 'the word diff shows dropped or added words');

      // Keyboard focus does the same for another sentence (the pointer out of the way,
      // or the pane scrolling under it would hover over yet another sentence).
      const hovered = await page.$eval('#summary-view .s.active', (el) => el.dataset.sentenceId);
      await page.mouse.move(0, 0);
      await sentences[9].focus();
      const focused = await page.$eval('#summary-view .s.active', (el) => el.dataset.sentenceId);
      assert.notEqual(focused, hovered);
      assert.equal(focused, await sentences[9].getAttribute('data-sentence-id'));
      await eventually(() => inView(page, '#report-view .s.linked-best'), 'the focused sentence\'s best link');

      // And the other way: a report sentence lights up the summary sentences that draw on it.
      const best = await page.$eval('#report-view .s.linked-best', (el) => el.dataset.sentenceId);
      await page.click(`#report-view .s[data-sentence-id="${best}"]`);
      await page.waitForSelector(`#report-view .s.active[data-sentence-id="${best}"]`);
      await page.waitForSelector('#summary-view .s.linked');
      await eventually(async () => (await detail.locator('.diff').count()) > 0, 'the reverse diff');

      // Select a sentence for the picture: the workspace fills the window.
      await page.evaluate(() => document.querySelector('.workspace').scrollIntoView());
      await sentences[4].click();
      await page.waitForSelector(`#summary-view .s.active[data-sentence-id="${await sentences[4].getAttribute('data-sentence-id')}"]`);
      await eventually(() => inView(page, '#report-view .s.linked-best'), 'the best link, for the picture');
      await page.waitForTimeout(500);
      await shot(page, 'side-by-side');
      check();
    } catch (err) {
      await saveScreenshot(page, 'app-linking');
      throw err;
    }
  });

  test('search finds text in the report and steps through the matches', async () => {
    await page.fill('#search', 'Comey');
    await eventually(async () => /^1 of \d+/.test(await page.textContent('#search-count')), 'search results');
    const total = Number((await page.textContent('#search-count')).match(/of (\d+)/)[1]);
    assert.ok(total > 10, `${total} matches for Comey`);
    await page.press('#search', 'Enter');
    assert.match(await page.textContent('#search-count'), /^2 of/);
    await page.fill('#search', '');
    check();
  });

  test('filters the report by status and section', async () => {
    const visible = () => page.$$eval('#report-view [data-paragraph-id]:not([hidden]):not(.kind-heading)', (els) =>
      [...new Set(els.map((el) => el.dataset.status))]);
    await page.selectOption('#status-filter', 'covered');
    assert.deepEqual(await visible(), ['covered']);
    await page.selectOption('#status-filter', 'all');
    const options = await page.$$eval('#section-filter option', (els) => els.map((o) => o.value).filter(Boolean));
    assert.ok(options.length > 3);
    await page.selectOption('#section-filter', options[1]);
    const shown = await page.$$eval('#report-view [data-paragraph-id]:not([hidden])', (els) => els.length);
    const all = await page.$$eval('#report-view [data-paragraph-id]', (els) => els.length);
    assert.ok(shown > 0 && shown < all, `${shown} of ${all} paragraphs shown for one section`);
    await page.selectOption('#section-filter', '');
    check();
  });

  test('moving the threshold slider re-scores the report', async () => {
    const before = await statusCounts(page);
    await page.focus('#threshold');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight'); // 0.5 → 0.8
    assert.match(await page.textContent('#threshold-value'), /covered ≥ 80%/);
    await eventually(async () => {
      if ((await page.getAttribute('#app', 'data-state')) !== 'done') return false;
      const now = await statusCounts(page);
      return now.covered < before.covered ? now : false;
    }, 'fewer covered paragraphs at a stricter threshold', 30_000);
    const figures = await page.textContent('#figures [data-figure="omissions"] .figure-value');
    assert.ok(figures.length > 0);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await eventually(async () => {
      if ((await page.getAttribute('#app', 'data-state')) !== 'done') return false;
      const now = await statusCounts(page);
      return now.covered === before.covered;
    }, 'the statuses back at the default threshold', 30_000);
    check();
  });

  test('exports JSON, both CSVs and a self-contained HTML report', async () => {
    const save = async (button) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    };

    const json = await save('#export-json');
    assert.match(json.name, /\.json$/);
    const result = JSON.parse(json.text);
    assert.ok(result.report.paragraphs.length > 300);
    assert.ok(result.omissions.length > 10);

    const omissions = await save('#export-csv-omissions');
    const rows = omissions.text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(rows[0], 'rank,weight,section,words,paragraphs,start,end,key_terms,dropped_facts,preview');
    assert.ok(rows.length > 10);
    assert.match(rows[1], /^1,/);

    const facts = await save('#export-csv-facts');
    const factRows = facts.text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(factRows[0], 'kind,fact,occurrences,paragraphs,first_section');
    assert.equal(factRows.length, result.facts.dropped.length + 1);

    const html = await save('#export-html');
    assert.match(html.name, /\.html$/);
    assert.doesNotMatch(html.text, /<script/i, 'no scripts in the export');
    assert.doesNotMatch(html.text, /<link|src=/i, 'nothing loaded from outside the file');
    assert.match(html.text, /<style>/);
    assert.match(html.text, /Report covered/);
    assert.match(html.text, /Omitted passages/);
    assert.match(html.text, /data-status="omitted"/);
    // The figures in the file are the ones on the page.
    const coverage = await page.textContent('#figures [data-figure="coverage"] .figure-value');
    assert.ok(html.text.includes(`>${coverage}<`), `export shows coverage ${coverage}`);

    // The exported file opens on its own, offline, with no script and no request.
    const context = await served.browser.newContext({ javaScriptEnabled: false, offline: true, viewport: VIEWPORT });
    try {
      const exported = await context.newPage();
      const requests = [];
      exported.on('request', (r) => requests.push(r.url()));
      await exported.setContent(html.text);
      assert.ok(await exported.$$eval('[data-paragraph-id]', (els) => els.length) > 300);
      assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), []);
    } finally {
      await context.close();
    }
    check();
  });
});

describe('reading converted reports', () => {
  test('a table read by pdftotext -layout shows its header and a row to a paragraph, its omitted rows marked', async (t) => {
    const { page, check } = await openPage(t);
    const report = [
      '4.1 The table sets out the contacts between agencies and the family.',
      '',
      '   Date         Agency                                           Event',
      '3 March     Health visiting The health visitor called at the home for the planned new birth visit.',
      '2007                        Nobody answered the door and no further visit was arranged for six',
      '                            weeks.',
      '12 April    GP surgery        Child P was seen by the GP with bruising to the face. The mother',
      '2007                          said he had fallen against a fireplace.',
      '2 June      Police            Police attended after a neighbour reported shouting. No crime was',
      '2007                          recorded.',
      '',
      '4.2 No agency held the whole picture of the family.',
    ].join('\n');
    await page.fill('#summary-text', 'Child P was seen by the GP with bruising to the face, which the mother said came from a fall against a fireplace.');
    await page.fill('#report-text', report);
    await page.click('#compare-button');
    await waitDone(page);
    const rows = await page.$$eval('#report-view .kind-table_row', (els) => els.map((el) => [el.textContent, el.dataset.status]));
    assert.deepEqual(rows.map(([text]) => text.split(' | ').slice(0, 2).join(' | ')), [
      '3 March 2007 | Health visiting', '12 April 2007 | GP surgery', '2 June 2007 | Police',
    ]);
    assert.notEqual(rows[1][1], 'omitted', 'the summarised row is covered');
    assert.equal(rows[2][1], 'omitted', 'the police row is left out');
    // The header names the columns; it is no omission.
    assert.deepEqual(await page.$$eval('#report-view .kind-table_header', (els) => els.map((el) => el.textContent)), ['Date | Agency | Event']);
    assert.doesNotMatch(await page.textContent('#omissions-list'), /Date \| Agency/);
    // No cell is taken for a heading.
    assert.equal(await page.$$eval('#report-view .kind-heading', (els) => els.length), 0);
    check();
  });
});

describe('safety and offline use', () => {
  test('documents are shown strictly as text: markup in them never runs', async (t) => {
    const { page, check } = await openPage(t);
    const hostile = [
      'The committee found <script>window.__pwned=1</script> in the minutes of the meeting.',
      'An image <img src=x onerror="window.__pwned=1"> was attached to the filing in March.',
      'Officials said the budget rose by 12% in 2019 to pay for new schools.',
    ];
    await page.fill('#summary-text', `${hostile[0]}\n\n${hostile[1]}`);
    await page.fill('#report-text', `${hostile.join('\n\n')}\n\nThe report adds a second paragraph about roads and bridges.`);
    await page.click('#compare-button');
    await waitDone(page);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
    assert.equal(await page.$$eval('#summary-view img, #report-view img, #summary-view script, #report-view script', (e) => e.length), 0);
    const summaryText = await page.textContent('#summary-view');
    assert.ok(summaryText.includes('<script>window.__pwned=1</script>'), 'the script tag shows as text');
    assert.ok(summaryText.includes('<img src=x onerror="window.__pwned=1">'), 'the img tag shows as text');

    // The HTML export escapes it too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
    const html = await readFile(await download.path(), 'utf8');
    assert.doesNotMatch(html, /<script|<img/i);
    assert.match(html, /&lt;script&gt;window\.__pwned=1&lt;\/script&gt;/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    check();
  });

  test('reads picked and dropped files through the core decoder, refuses a PDF, swaps sides', async (t) => {
    const { page, check } = await openPage(t);
    // Windows-1252 bytes: "café" and curly quotes.
    const cp1252 = Buffer.from([0x54, 0x68, 0x65, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x94, 0x2e]);
    await page.setInputFiles('#summary-file', { name: 'summary.txt', mimeType: 'text/plain', buffer: cp1252 });
    await eventually(async () => (await page.inputValue('#summary-text')) === 'The café “opens”.', 'the decoded text');
    assert.match(await page.textContent('#summary-file-name'), /summary\.txt/);
    await page.setInputFiles('#report-file', {
      name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    });
    await eventually(async () => /not a text file/i.test(await page.textContent('#error')), 'the PDF to be refused');
    assert.match(await page.textContent('#error'), /report\.pdf/);

    // Dropping a file on a side reads it the same way; swap exchanges the sides.
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['The full report, in UTF-8: naïve résumé.'], 'dropped.md', { type: 'text/markdown' }));
      return data;
    });
    await page.dispatchEvent('.source[data-side="report"]', 'drop', { dataTransfer: dropped });
    await eventually(async () => (await page.inputValue('#report-text')).includes('naïve résumé'), 'the dropped file');
    assert.match(await page.textContent('#report-file-name'), /dropped\.md/);
    await page.click('#swap-button');
    assert.match(await page.inputValue('#summary-text'), /naïve résumé/);
    assert.equal(await page.inputValue('#report-text'), 'The café “opens”.');
    assert.match(await page.textContent('#summary-file-name'), /dropped\.md/);
    check();
  });

  test('keeps working offline after one visit, through the service worker', async (t) => {
    const { context, page, check } = await openPage(t);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload(); // from now on the service worker controls the page
    await page.waitForSelector('#app[data-state="idle"]');
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'page is controlled');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#app[data-state="idle"]');
    await loadExample(page);
    assert.ok(await page.$$eval('#omissions-list [data-omission-rank]', (els) => els.length) > 10);
    await context.setOffline(false);
    check();
  });

  test('the service worker caches every file the page needs', async () => {
    const sw = await readFile(path.join(ROOT, 'www', 'sw.js'), 'utf8');
    const listed = new Set([...sw.matchAll(/^\s*'([^']+)',$/gm)].map((m) => m[1]));
    const walk = async (dir) => (await readdir(dir, { withFileTypes: true })).flatMap((e) =>
      e.isDirectory() ? [] : [path.relative(path.join(ROOT, 'www'), path.join(dir, e.name))]);
    const files = [];
    for (const dir of ['', 'render', 'styles']) files.push(...await walk(path.join(ROOT, 'www', dir)));
    const needed = files.filter((f) => /\.(js|css|html|svg)$/.test(f) && f !== 'sw.js');
    assert.deepEqual(needed.filter((f) => !listed.has(f)), [], 'files missing from the service worker cache list');
  });

  test('dark mode follows the system setting', async (t) => {
    const { page, check } = await openPage(t, { colorScheme: 'dark' });
    await loadExample(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `dark background, got ${background}`);
    await page.click('#omissions-list [data-omission-rank="2"] .omission-open');
    const supported = await page.$$('#summary-view .s[data-status="supported"]');
    await supported[2].focus();
    await page.waitForTimeout(500);
    await page.evaluate(() => document.querySelector('#results').scrollIntoView());
    await shot(page, 'dark-mode');
    check();
  });
});
