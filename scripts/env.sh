# Sourced by the other scripts: moves to the repository root, puts cargo's
# binaries on PATH and tells wasm-pack where ChromeDriver is.
# shellcheck shell=bash

LACUNA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LACUNA_ROOT
cd "$LACUNA_ROOT" || exit 1

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$cargo_bin:"*) ;;
  *) export PATH="$cargo_bin:$PATH" ;;
esac
unset cargo_bin

# wasm-pack uses this instead of trying to download a chromedriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
