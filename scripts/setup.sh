#!/usr/bin/env bash
# Installs whatever Lacuna's build, serve and test scripts need and is missing:
# Debian's chromium and chromium-driver, poppler-utils (pdftotext and pdftoppm,
# which the segmentation tests run on the Mueller PDF for its -layout text and
# on typeset PDFs), tesseract-ocr (the OCR those tests read page images with),
# the Rust wasm32 target with rustfmt and clippy, wasm-pack, the wasm-bindgen
# CLI matching Cargo.lock, and the npm packages of package-lock.json
# (playwright-core, typescript for the type check of the npm package,
# pdfjs-dist for the tests that read PDFs as a viewer's copy-paste gives
# them, and binaryen for wasm-opt: Debian 12's wasm-opt 108 corrupts the
# module, see build.sh).
# Idempotent; prints nothing when everything is already there.
# Assumes Debian 12 with rustup, Node.js >= 20 and npm.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# Pinned; wasm-bindgen's version comes from Cargo.lock (below).
WASM_PACK_VERSION="0.15.1"

say() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: error: %s\n' "$*" >&2
  exit 1
}

# The version word of `<tool> --version` ("wasm-pack 0.15.1" -> "0.15.1"), or "".
version_of() {
  local out
  out="$("$@" --version 2>/dev/null)" || return 0
  awk 'NR == 1 { print $2 }' <<<"$out"
}

# --- Debian packages ------------------------------------------------------
missing=()
for pkg in chromium chromium-driver poppler-utils tesseract-ocr; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Rust -----------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found; install Rust with rustup first"
command -v rustup >/dev/null || die "rustup not found; it is needed to add the wasm32 target"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding Rust component $component"
    rustup component add "$component"
  fi
done

if [[ "$(version_of wasm-pack)" != "$WASM_PACK_VERSION" ]]; then
  say "installing wasm-pack $WASM_PACK_VERSION (takes a few minutes)"
  cargo install --locked --quiet wasm-pack --version "$WASM_PACK_VERSION"
fi


# wasm-bindgen's CLI must match the wasm-bindgen crate in Cargo.lock exactly.
# wasm-pack looks for it on PATH first, then in its cache (where it would
# otherwise cargo-install it itself after a failed download).
bindgen_version="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[[ -n "$bindgen_version" ]] || die "cannot read the wasm-bindgen version from Cargo.lock"
wasm_pack_cache="${WASM_PACK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/.wasm-pack}"
cached_bindgen="$wasm_pack_cache/wasm-bindgen-cargo-install-$bindgen_version/wasm-bindgen"
if [[ "$(version_of wasm-bindgen)" != "$bindgen_version" ]] &&
  [[ "$(version_of "$cached_bindgen")" != "$bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $bindgen_version (takes a few minutes)"
  # Not --locked: its published lock file pins a webpki-roots release the
  # registry no longer offers (wasm-pack's own fallback install does the same).
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version"
fi

# --- Node.js packages -----------------------------------------------------
command -v node >/dev/null || die "Node.js >= 20 not found; install it (with npm) first"
command -v npm >/dev/null || die "npm not found; install it first"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || die "Node.js >= 20 needed, found $(node --version)"

# True when node_modules holds exactly the versions package-lock.json names
# (optional packages for other platforms, which npm skips, may be absent).
npm_up_to_date() {
  # shellcheck disable=SC2016 # JavaScript, not shell, expands these.
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
    for (const [path, entry] of Object.entries(lock.packages ?? {})) {
      if (!path.startsWith("node_modules/")) continue;
      let installed;
      try {
        installed = JSON.parse(readFileSync(`${path}/package.json`, "utf8")).version;
      } catch {
        if (entry.optional) continue;
        process.exit(1);
      }
      if (installed !== entry.version) process.exit(1);
    }
  ' 2>/dev/null
}
[[ -f package-lock.json ]] || die "package-lock.json is missing"
if ! npm_up_to_date; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
