#!/usr/bin/env node
// Smoke test of a built pkg/: instantiates lacuna_bg.wasm through the
// package's API (index.js over the JavaScript glue) and runs one small
// comparison, so a module that a tool broke after compiling (e.g. an old
// wasm-opt) fails the build, not the page; and holds the module to its
// download budget (300 KB gzipped), so a change that outgrows it fails the
// build rather than a later benchmark.
//
//   node scripts/check-pkg.mjs [PKG_DIR]   (default: pkg/)

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;

const dir = path.resolve(process.argv[2] ?? 'pkg');

try {
  const wasm = await readFile(path.join(dir, 'lacuna_bg.wasm'));
  const gzippedKb = gzipSync(wasm, { level: 9 }).length / 1024;
  if (gzippedKb > BUDGET_KB) {
    throw new Error(`lacuna_bg.wasm is ${gzippedKb.toFixed(1)} KB gzipped, over its ${BUDGET_KB} KB budget`);
  }
  const lacuna = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  await lacuna.init(wasm);
  const result = lacuna.compare(
    'The plant failed its inspection because the pumps were broken.',
    'Inspectors found the pumps broken, so the plant failed its inspection.\n\nThe library closed on weekends.',
  );
  const paragraphs = result?.report?.paragraphs?.length ?? 0;
  if (paragraphs < 2) throw new Error(`compare returned ${paragraphs} report paragraphs, expected 2`);
  let refused = false;
  try {
    lacuna.compare('', 'some report');
  } catch (err) {
    refused = err instanceof Error && /summary/i.test(err.message);
  }
  if (!refused) throw new Error('compare accepted an empty summary');
} catch (err) {
  console.error(`check-pkg: ${dir} fails: ${err.message}`);
  process.exit(1);
}
