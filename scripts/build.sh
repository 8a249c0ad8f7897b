#!/usr/bin/env bash
# Builds the WebAssembly module and its JavaScript glue into pkg/, completes
# pkg/ into the npm package (the API, the <lacuna-compare> element and the
# package README from npm/: scripts/npm-package.mjs), which the pages in www/
# load from /pkg/ (see scripts/serve.mjs), then checks that the result
# instantiates and compares. Run setup.sh first.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

die() {
  echo "build: $*" >&2
  exit 1
}

command -v wasm-pack >/dev/null || die "wasm-pack is missing; run scripts/setup.sh first"
# wasm-pack runs the first wasm-opt on PATH. Use binaryen's from npm
# (package-lock.json): Debian 12's wasm-opt 108 swaps the module's function
# and externref tables, and the page then fails with "WebAssembly.Table.set():
# Argument 1 is invalid for table".
export PATH="$LACUNA_ROOT/node_modules/.bin:$PATH"
[[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt is missing; run scripts/setup.sh first"

# Built from scratch in a folder of its own, then swapped in: no file of an
# earlier build lingers in the package, and a page or test reading pkg/
# meanwhile sees the old build whole until the new one is ready.
out="pkg.build.$$"
trap 'rm -rf "$out" pkg.old.$$' EXIT
# Optimised for speed (the release profile's opt-level 3): the module runs
# in one thread, and 3 executes about a quarter fewer instructions per
# comparison than "s" for 15 KB more of the 300 KB gzipped budget, which
# check-pkg.mjs enforces.
wasm-pack build --target web --release --out-dir "$out"
for f in "$out/lacuna.js" "$out/lacuna_bg.wasm"; do
  [[ -s "$f" ]] || die "$f was not produced"
done
node scripts/npm-package.mjs "$out"
node scripts/check-pkg.mjs "$out"
[[ -d pkg ]] && mv pkg "pkg.old.$$"
mv "$out" pkg
echo "build: pkg/ ready ($(du -h pkg/lacuna_bg.wasm | cut -f1) of wasm; it loads, compares and fits its budget)"
