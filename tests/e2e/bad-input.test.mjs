// The bad inputs of tests/bad_input.rs fed to the page through its file
// inputs and text boxes: each ends in a clear message in #error or a notice,
// and the page keeps working. Also the size limit and cancelling a
// comparison (button and Esc). Needs a built pkg/ (scripts/build.sh).
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { servedApp } from './helpers.mjs';

const SENTENCE = 'The committee reviewed the budget and found that funding for rural clinics fell sharply over five years. ';
const OTHER = 'Inspectors also noted broken pumps at the water plant in March. ';
const REPORT = (SENTENCE + OTHER).repeat(20);
const LIMIT = 64 * 1024 * 1024;

/**
 * name, summary, report (strings are typed in, Buffers picked as files), and
 * the message expected; `refused`: the file is refused as it is read, before
 * any comparison.
 */
const ROWS = [
  ['empty summary', Buffer.alloc(0), REPORT, { error: 'The summary is empty' }],
  ['whitespace-only report', SENTENCE, Buffer.from(' \n\t \r\n '), { error: 'The report is empty' }],
  ['binary summary', Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)), REPORT, { error: 'looks like binary data', refused: true }],
  ['PDF given as the report', SENTENCE, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), { error: 'looks like a PDF document', refused: true }],
  ['a saved web page given as the report', SENTENCE, Buffer.from(`<!DOCTYPE html>\n<html><body><p>${SENTENCE}</p></body></html>\n`), { error: "The report is a web page's HTML source", refused: true }],
  ['unknown encoding', Buffer.from(Array(100).fill([0x81, 0x8d, 0x8f, 0x90, 0x9d]).flat()), REPORT, { error: 'The summary is not a text file', refused: true }],
  ['Shift-JIS summary', Buffer.from('93fa967b8cea82cc8365834c8358836782c582b78142'.repeat(3), 'hex'), REPORT, { error: 'The summary is in a legacy encoding', refused: true }],
  ['summary longer than its report', (SENTENCE + OTHER).repeat(40), REPORT, { notice: 'longer than the report' }],
  ['identical documents', REPORT, REPORT, { notice: 'the same text' }],
  ['no sentence punctuation', 'the committee reviewed the budget and found that funding fell\n'.repeat(30), REPORT, { notice: 'no sentence punctuation' }],
  ['a single 5 MB line', SENTENCE, Buffer.from('budget clinics funding pumps '.repeat(Math.floor(5e6 / 29))), {}],
  ['a 1 MB word', SENTENCE, Buffer.from(`${'a'.repeat(1e6)} ${SENTENCE}`), {}],
  ['emoji and combining marks', 'The café 👩‍👩‍👧 reviewed the bu\u0301dget 🇺🇸 and found funding fell. ', `Cafe\u0301 👍🏽 e\u0301\u0323 budget. ${SENTENCE}`, {}],
  ['right-to-left text', 'قامت اللجنة بمراجعة الميزانية. הוועדה בדקה את התקציב.', 'قامت اللجنة بمراجعة الميزانية. הוועדה בדקה את התקציב. وجدت أن التمويل انخفض.'.repeat(5), {}],
  ['CJK text without spaces', '农村诊所的资金在五年内大幅下降。', '委员会审查了预算。农村诊所的资金在五年内大幅下降。水厂的泵坏了。'.repeat(5), {}],
  ['control characters', Buffer.from('The committee\x01 reviewed\x07 the budget\x1b[31m and found\x0b funding fell. '), REPORT, {}],
  ['NUL bytes in text', Buffer.from('The committee reviewed\0 the budget and\0 found funding fell. '), REPORT, {}],
];

let page;
const pageErrors = [];
servedApp(['pkg/lacuna.js', 'pkg/lacuna_bg.wasm', 'www/index.html'], async ({ browser, url }) => {
  page = await browser.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('dialog', (dialog) => dialog.dismiss().catch(() => {}));
  await page.goto(url);
  await page.waitForSelector('#app[data-state="idle"]');
});

/** Puts `value` on `side`: a Buffer through the file input (the core decodes it), a string typed in. */
async function put(side, value) {
  if (typeof value === 'string') await page.fill(`#${side}-text`, value);
  else await page.setInputFiles(`#${side}-file`, { name: `${side}.txt`, mimeType: 'text/plain', buffer: value });
}

/** Clears the last outcome, so the next wait sees this row's. */
const reset = () => page.evaluate(() => {
  document.querySelector('#error').textContent = '';
  document.querySelector('#app').dataset.state = 'idle';
});

async function outcome() {
  await page.waitForFunction(() => /^(done|error)$/.test(document.querySelector('#app').dataset.state), null, { timeout: 120_000 });
  return { error: await page.textContent('#error'), notices: await page.textContent('#notices') };
}

for (const [name, summary, report, expect] of ROWS) {
  test(`bad input in the page: ${name}`, { timeout: 180_000 }, async () => {
    await reset();
    await page.fill('#summary-text', '');
    await page.fill('#report-text', '');
    await put('summary', summary);
    await put('report', report);
    if (!expect.refused) await page.click('#compare-button');
    const { error, notices } = await outcome();
    if (expect.error) assert.ok(error.includes(expect.error), `#error: ${error}`);
    else assert.equal(error, '', 'no error');
    if (expect.notice) assert.ok(notices.includes(expect.notice), `notices: ${notices}`);
    assert.deepEqual(pageErrors, []);
  });
}

test('text over the size limit is refused with the limit in the message', { timeout: 120_000 }, async () => {
  await reset();
  await page.fill('#summary-text', SENTENCE);
  // Hidden while it holds 64 MiB: laying out that much text would take the test's time, not the page's check.
  await page.evaluate((bytes) => {
    const box = document.querySelector('#report-text');
    box.style.display = 'none';
    box.value = 'a'.repeat(bytes + 1);
  }, LIMIT);
  await page.click('#compare-button');
  const { error } = await outcome();
  await page.evaluate(() => {
    const box = document.querySelector('#report-text');
    box.value = '';
    box.style.display = '';
  });
  assert.match(error, /The report is too large: 67\.1 MB, over the limit of 67\.1 MB/);
});

test('a file over the size limit is refused before it is read', { timeout: 120_000 }, async (t) => {
  await reset();
  // A sparse file: its size is all that matters, it is never read.
  const dir = await mkdtemp(path.join(tmpdir(), 'lacuna-e2e-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const huge = path.join(dir, 'huge.txt');
  await writeFile(huge, '');
  await truncate(huge, LIMIT + 1);
  await page.setInputFiles('#summary-file', huge);
  await page.waitForFunction(() => document.querySelector('#error').textContent !== '');
  assert.match(await page.textContent('#error'), /huge\.txt: The summary is too large/);
});

test('a running comparison can be cancelled with the Cancel button and with Esc', { timeout: 180_000 }, async () => {
  const big = REPORT.repeat(300);
  for (const how of ['button', 'Escape']) {
    await reset();
    await page.fill('#summary-text', SENTENCE);
    await page.evaluate((text) => {
      document.querySelector('#report-text').value = text;
    }, big);
    // Cancel from inside the page the moment the button shows: a mutation
    // observer runs before the worker's result message can be handled, so a
    // fast comparison cannot finish first and make the test racy.
    await page.evaluate(
      (how) =>
        new Promise((resolve) => {
          const cancel = document.querySelector('#cancel-button');
          const observer = new MutationObserver(() => {
            if (cancel.hidden) return;
            observer.disconnect();
            if (how === 'button') cancel.click();
            else document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            resolve();
          });
          observer.observe(cancel, { attributes: true, attributeFilter: ['hidden'] });
          document.querySelector('#compare-button').click();
        }),
      how,
    );
    await page.waitForFunction(() => document.querySelector('#status').textContent === 'Comparison cancelled.');
    assert.notEqual(await page.getAttribute('#app', 'data-state'), 'working');
    assert.equal(await page.isHidden('#cancel-button'), true);
  }
});

test('the page still compares after every bad input', async () => {
  await reset();
  await page.fill('#summary-text', SENTENCE);
  await page.fill('#report-text', REPORT);
  await page.click('#compare-button');
  const { error } = await outcome();
  assert.equal(error, '');
  assert.equal(await page.getAttribute('#app', 'data-state'), 'done');
  assert.deepEqual(pageErrors, []);
});
