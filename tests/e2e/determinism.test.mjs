// The native build and the WASM build give the same result on the example
// documents: the CLI's JSON against the JSON of the pkg/ module run in Node,
// ignoring only `stats.timings`. Numbers are compared as the f32 they are in
// the core (serde_json prints an f32's shortest form; JavaScript sees its
// f64 widening). Also proves the module stays usable after an error.
// Needs a built pkg/ (scripts/build.sh), cargo, and ../shared/data.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';

import { DATA_DIR, ROOT } from './helpers.mjs';

const EXAMPLE = path.join(DATA_DIR, 'mueller-vol2', 'clean');

async function wasmCore() {
  const lacuna = await import(pathToFileURL(path.join(ROOT, 'pkg', 'index.js')).href);
  await lacuna.init(await readFile(path.join(ROOT, 'pkg', 'lacuna_bg.wasm')));
  return lacuna;
}

/** Paths where `a` and `b` differ (at most `limit`), numbers compared at f32 precision. */
function differences(a, b, at = '', out = [], limit = 10) {
  if (out.length >= limit) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.fround(a) !== Math.fround(b)) out.push(`${at}: ${a} ≠ ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) {
      out.push(`${at}: array vs object`);
      return out;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences(a[key], b[key], `${at}.${key}`, out, limit);
  } else if (a !== b) {
    out.push(`${at}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}

test('native CLI and WASM module give the same result on the Mueller example', {
  skip: !existsSync(EXAMPLE) && `${EXAMPLE} not found`,
  timeout: 600_000,
}, async () => {
  const summaryFile = path.join(EXAMPLE, 'summary.txt');
  const reportFile = path.join(EXAMPLE, 'report.txt');
  // The debug build `cargo test --features cli` left behind: no release build needed.
  const { stdout } = await promisify(execFile)('cargo', [
    'run', '--quiet', '--features', 'cli', '--',
    'compare', '--format', 'json', '--summary', summaryFile, '--report', reportFile,
  ], { cwd: ROOT, maxBuffer: 1 << 30 });
  const native = JSON.parse(stdout);
  const lacuna = await wasmCore();
  const wasm = lacuna.compare(await readFile(summaryFile, 'utf8'), await readFile(reportFile, 'utf8'));
  delete native.stats.timings;
  delete wasm.stats.timings;
  assert.deepEqual(differences(native, wasm), [], 'native and WASM results differ');
});

test('the WASM module stays usable after an error', async () => {
  const lacuna = await wasmCore();
  assert.throws(() => lacuna.compare(' \n', 'The report has words.'), /summary is empty/);
  assert.throws(() => lacuna.decode(new TextEncoder().encode('%PDF-1.7\n'), 'report'), /PDF/);
  const result = lacuna.compare('The pumps were broken.', 'Inspectors found the pumps were broken.\n\nThe library closed.');
  assert.equal(result.report.paragraphs.length, 2);
});
