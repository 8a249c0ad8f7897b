#!/usr/bin/env bash
# Builds the WebAssembly module and its JavaScript glue into pkg/, which the
# page in www/ loads from /pkg/ (see scripts/serve.mjs), then checks that the
# result instantiates and compares. Run setup.sh first.
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

wasm-pack build --target web --release --out-dir pkg
for f in pkg/lacuna.js pkg/lacuna_bg.wasm; do
  [[ -s "$f" ]] || die "$f was not produced"
done
node scripts/check-pkg.mjs pkg
echo "build: pkg/ ready ($(du -h pkg/lacuna_bg.wasm | cut -f1) of wasm; it loads and compares)"
