// The npm package in pkg/ as a Node.js program sees it: its manifest and
// contents, and its API (init with the .wasm bytes, compare, segment,
// wordDiff, decode) on small texts, bad input included. Needs a built pkg/
// (scripts/build.sh). Run with `node --test tests/package.test.mjs`.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');

const SUMMARY = "The city's water treatment plant failed its safety inspection because the chlorine pumps were broken.";
const REPORT = `Water treatment

Inspectors visited the city's water treatment plant in March. The plant failed its safety inspection because the chlorine pumps were broken.

Library funding

The public library's budget fell by a third over five years, and two branches in the northern districts closed their reading rooms on weekends.
`;

let lacuna;
before(async () => {
  assert.ok(existsSync(path.join(PKG, 'index.js')), 'pkg/index.js is missing: run scripts/build.sh first');
  lacuna = await import(pathToFileURL(path.join(PKG, 'index.js')).href);
});

/** Asserts that `fn` throws an Error (not a WebAssembly trap) whose message matches `pattern`. */
function throwsClearly(fn, pattern) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof Error, `threw ${error?.constructor?.name}, not an Error`);
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `a WebAssembly trap: ${error.message}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('the package manifest and contents', () => {
  let manifest;
  before(async () => {
    manifest = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
  });

  test('carries the crate metadata and points at the API', async () => {
    const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
    const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];
    assert.equal(manifest.name, field('name'));
    assert.equal(manifest.version, field('version'));
    assert.equal(manifest.description, field('description'));
    assert.equal(manifest.license, field('license'));
    assert.equal(manifest.repository.url, field('repository'));
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.main, 'index.js');
    assert.equal(manifest.types, 'index.d.ts');
    assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', default: './index.js' });
    assert.deepEqual(manifest.exports['./element'], { types: './element.d.ts', default: './element.js' });
    assert.ok(manifest.sideEffects.includes('./element.js'), 'importing the element defines it: bundlers must keep it');
    const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of targets) assert.ok(existsSync(path.join(PKG, target)), `exports points at missing ${target}`);
  });

  test('ships its own README, both licences and the generated types', async () => {
    const readme = await readFile(path.join(PKG, 'README.md'), 'utf8');
    assert.match(readme, /^# lacuna/m);
    assert.match(readme, /<lacuna-compare/);
    assert.doesNotMatch(readme, /scripts\/serve\.sh/, 'the app README, not the package one');
    for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) {
      assert.equal(await readFile(path.join(PKG, licence), 'utf8'), await readFile(path.join(ROOT, licence), 'utf8'));
    }
    const types = await readFile(path.join(PKG, 'index.d.ts'), 'utf8');
    assert.match(types, /export type \* from '\.\/lacuna\.js'/, 'the model types come from the generated lacuna.d.ts');
    assert.match(await readFile(path.join(PKG, 'lacuna.d.ts'), 'utf8'), /export interface Comparison \{/);
  });

  test('npm pack takes every file the package uses, and nothing of the repository', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG });
    const files = JSON.parse(stdout)[0].files.map((f) => f.path).sort();
    for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'index.js', 'index.d.ts',
      'element.js', 'element.d.ts', 'element.css.js', 'engine.js', 'worker.js', 'lacuna.js', 'lacuna.d.ts',
      'lacuna_bg.wasm', 'ui/render/document.js', 'ui/styles/base.css.js']) {
      assert.ok(files.includes(f), `${f} is not in the tarball: ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => !/^(ui\/|[\w.-]+$)/.test(f)), [], 'unexpected folders');
  });
});

describe('the API in Node.js', () => {
  test('refuses to run before init, with a message that says so', () => {
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT), /not initialised: await init\(\)/);
  });

  test('init takes the .wasm bytes, once', async () => {
    await lacuna.init(await readFile(path.join(PKG, 'lacuna_bg.wasm')));
    await lacuna.init(); // a second call returns at once instead of loading again
  });

  test('compare returns the whole result model', () => {
    const result = lacuna.compare(SUMMARY, REPORT);
    assert.deepEqual(Object.keys(result).sort(), ['facts', 'notices', 'omissions', 'report', 'sections', 'stats', 'summary']);
    const library = result.report.paragraphs.find((p) => p.text.includes("library's budget"));
    assert.equal(library.status, 'omitted');
    const water = result.report.paragraphs.find((p) => p.text.includes('chlorine pumps'));
    assert.notEqual(water.status, 'omitted');
    assert.ok(result.omissions.length >= 1);
    const [first] = result.omissions;
    assert.equal(first.rank, 1);
    assert.ok(REPORT.slice(first.start, first.end).includes(first.preview.slice(0, 20)), 'offsets index the input text');
    assert.ok(result.stats.coverage > 0 && result.stats.coverage < 1, `coverage ${result.stats.coverage}`);
    const link = result.summary.paragraphs[0].sentences[0].links[0];
    assert.ok(link.diff.spans.length > 0 && link.terms.length > 0, 'summary links carry terms and a word diff');
  });

  test('compareJson is the same result as ASCII text, characters past ASCII intact', () => {
    const summary = 'The café’s “pumps” 😀 failed.';
    const report = `Inspectors said the café’s “pumps” 😀 failed in March.\n\nThe library’s budget fell.\n`;
    // The JSON is plain ASCII, which the browser decodes and parses fastest.
    const json = lacuna.compareJson(summary, report);
    assert.match(json, /^[\x00-\x7f]*$/);
    assert.deepEqual(JSON.parse(json).report.paragraphs.map((p) => p.text), lacuna.compare(summary, report).report.paragraphs.map((p) => p.text));
    const sentence = lacuna.compare(summary, report).report.paragraphs[0].sentences[0];
    assert.equal(sentence.text, 'Inspectors said the café’s “pumps” 😀 failed in March.');
    assert.equal(report.slice(sentence.start, sentence.end), sentence.text, 'UTF-16 offsets, the emoji two units');
  });

  test('compareJson hands a long result over whole, across its chunks', async () => {
    const example = path.join(ROOT, 'www', 'examples', 'mueller-vol2');
    const summary = await readFile(path.join(example, 'summary.txt'), 'utf8');
    const report = await readFile(path.join(example, 'report.txt'), 'utf8');
    const json = lacuna.compareJson(summary, report);
    assert.ok(json.length > 2_000_000, `${json.length} characters: several 256 KB chunks`);
    assert.match(json, /^[\x00-\x7f]*$/);
    // segment's own JSON breaks into chunks at other places than the comparison's.
    const texts = (doc) => doc.paragraphs.map((p) => p.text);
    assert.deepEqual(texts(JSON.parse(json).report), texts(lacuna.segment(report)));
  });

  test('options change the verdicts', () => {
    const strict = lacuna.compare(SUMMARY, REPORT, { covered_threshold: 0.95, partial_threshold: 0.9 });
    const lenient = lacuna.compare(SUMMARY, REPORT, { covered_threshold: 0.05, partial_threshold: 0.01 });
    assert.ok(strict.stats.covered_paragraphs <= lenient.stats.covered_paragraphs);
    assert.ok(strict.stats.omitted_paragraphs >= lenient.stats.omitted_paragraphs);
    assert.deepEqual(lacuna.compare(SUMMARY, REPORT, null).stats.coverage, lacuna.compare(SUMMARY, REPORT, {}).stats.coverage);
  });

  test('segment, wordDiff and decode', () => {
    const doc = lacuna.segment(REPORT);
    assert.ok(doc.paragraphs.length >= 4 && doc.words > 30);
    assert.ok(doc.paragraphs.every((p) => p.status === undefined), 'no verdicts without a comparison');
    assert.deepEqual(lacuna.segment('').paragraphs, []);

    const report = 'The plant failed its safety inspection in March.';
    const summary = 'The plant failed its inspection.';
    const diff = lacuna.wordDiff(report, summary);
    const dropped = diff.spans.filter((s) => s.kind === 'dropped').map((s) => report.slice(s.report.start, s.report.end));
    assert.ok(dropped.join(' ').includes('safety'), `dropped: ${dropped}`);
    assert.ok(diff.kept_share > 0.3 && diff.kept_share < 1);

    assert.equal(lacuna.decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), 'café'); // Windows-1252
    assert.equal(lacuna.decode(new TextEncoder().encode('plain').buffer, 'summary'), 'plain');
  });

  test('NFKC comes from the host: ligatures and wide forms read as letters, offsets stay on the input', () => {
    const text = 'The oﬃce ﬁled the Ｆｕｌｌ report.\n';
    const [paragraph] = lacuna.segment(text).paragraphs;
    assert.equal(paragraph.text, 'The office filed the Full report.');
    assert.equal(text.slice(paragraph.start, paragraph.end), 'The oﬃce ﬁled the Ｆｕｌｌ report.');
    const result = lacuna.compare('The office filed it.', 'The oﬃce ﬁled it. Then it rained for days on end.');
    const [link] = result.summary.paragraphs[0].sentences[0].links;
    assert.ok(link.terms.includes('office') && link.terms.includes('filed'), `terms: ${link.terms}`);
  });

  test('bad input throws an Error with a clear message, never a trap', () => {
    throwsClearly(() => lacuna.compare('', REPORT), /summary is empty/);
    throwsClearly(() => lacuna.compare(SUMMARY, ' \n\t'), /report is empty/);
    throwsClearly(() => lacuna.compare(42, REPORT), /summary must be a string, got number/);
    throwsClearly(() => lacuna.compare(SUMMARY, undefined), /report must be a string, got undefined/);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, 'strict'), /Invalid options: expected an object/);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, [0.5]), /Invalid options: expected an object/);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, { covered_treshold: 0.6 }),
      /unknown setting "covered_treshold"; the settings are covered_threshold, /);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, { covered_threshold: 'high' }), /^Invalid options: invalid type: string "high", expected a number$/);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, { covered_threshold: 1.5 }), /covered_threshold must be between 0 and 1/);
    throwsClearly(() => lacuna.compare(SUMMARY, REPORT, { language: 'fr' }), /unknown variant `fr`/);
    throwsClearly(() => lacuna.segment(null), /text must be a string, got null/);
    throwsClearly(() => lacuna.wordDiff('a', ['b']), /summarySentence must be a string, got an array/);
    throwsClearly(() => lacuna.decode('text'), /bytes must be a Uint8Array or an ArrayBuffer, got string/);
    throwsClearly(() => lacuna.decode(new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'report'), /report is not a text file/);
    assert.equal(lacuna.checkSize(2_000, 'summary', { max_input_bytes: 2_000 }), undefined);
    throwsClearly(() => lacuna.checkSize(2_600, 'summary', { max_input_bytes: 2_000 }),
      /^The summary is too large: 3 KB, over the limit of 2 KB\.$/);
    throwsClearly(() => lacuna.checkSize(70e6, 'report'), /report is too large: 70\.0 MB, over the limit of 67\.1 MB/);
    throwsClearly(() => lacuna.checkSize('big'), /bytes must be a number from 0, got string/);
    // The module is still fine after all that.
    assert.ok(lacuna.compare(SUMMARY, REPORT).omissions.length >= 1);
  });
});
