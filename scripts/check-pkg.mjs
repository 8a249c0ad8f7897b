#!/usr/bin/env node
// Smoke test of a built pkg/: instantiates lacuna_bg.wasm through the
// package's API (index.js over the JavaScript glue) and runs one small
// comparison, so a module that a tool broke after compiling (e.g. an old
// wasm-opt) fails the build, not the page.
//
//   node scripts/check-pkg.mjs [PKG_DIR]   (default: pkg/)

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.resolve(process.argv[2] ?? 'pkg');

try {
  const lacuna = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  await lacuna.init(await readFile(path.join(dir, 'lacuna_bg.wasm')));
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
  console.error(`check-pkg: ${dir} does not work: ${err.message}`);
  process.exit(1);
}
