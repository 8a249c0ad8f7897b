#!/usr/bin/env node
// Type-checks tests/types/consumer.ts against the built package with tsc under
// `strict`, resolving `lacuna` by name exactly as a consumer's project does:
// in a temporary project whose node_modules/lacuna links to pkg/, once with
// bundler resolution and once with Node's (NodeNext), so both the exports map
// and its "types" conditions are checked. Needs a built pkg/ (scripts/build.sh).
//
//   node tests/types/check.mjs

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PKG = path.join(ROOT, 'pkg');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const RESOLUTIONS = [
  { name: 'bundler', flags: [] },
  { name: 'NodeNext', flags: ['--module', 'NodeNext', '--moduleResolution', 'NodeNext'] },
];

async function main() {
  if (!existsSync(path.join(PKG, 'index.d.ts'))) throw new Error('pkg/index.d.ts is missing: run scripts/build.sh first');
  if (!existsSync(TSC)) throw new Error('typescript is missing: run scripts/setup.sh first');
  const { name } = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
  const project = await mkdtemp(path.join(os.tmpdir(), 'lacuna-types-'));
  let failed = 0;
  try {
    await mkdir(path.join(project, 'node_modules'));
    await symlink(PKG, path.join(project, 'node_modules', name), 'dir');
    await writeFile(path.join(project, 'package.json'), '{ "type": "module", "private": true }\n');
    for (const file of ['consumer.ts', 'tsconfig.json']) await copyFile(path.join(HERE, file), path.join(project, file));
    for (const { name: resolution, flags } of RESOLUTIONS) {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [TSC, '-p', '.', ...flags], { cwd: project });
        process.stdout.write(stdout);
        console.log(`types: tests/types/consumer.ts type-checks under strict (${resolution} resolution)`);
      } catch (err) {
        failed += 1;
        // tsc names files relative to the temporary project; point at the real ones.
        process.stdout.write((err.stdout || `${err.message}\n`).replace(/^(?=consumer\.ts)/gm, 'tests/types/'));
        console.error(`types: FAILED with ${resolution} resolution`);
      }
    }
  } finally {
    await rm(project, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(`types: ${err.message}`);
  process.exit(1);
});
