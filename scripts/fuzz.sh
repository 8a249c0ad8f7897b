#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ (decode, segment, compare) for SECONDS
# (default 20); give it 600 for a real session. It installs cargo-fuzz when
# missing. cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 unlocks them on
# the stable toolchain. Kept out of scripts/test.sh: building the sanitized
# targets takes minutes on a clean clone. A crash leaves its input in
# fuzz/artifacts/TARGET/ and fails.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

seconds="${1:-20}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(decode segment compare)

CARGO_FUZZ_VERSION="0.13.2"
if [[ "$(cargo fuzz --version 2>/dev/null | awk '{print $NF}')" != "$CARGO_FUZZ_VERSION" ]]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION (takes a few minutes)"
  cargo install --locked --quiet cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

cd fuzz
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
log="$(mktemp -t lacuna-fuzz.XXXXXX)"
trap 'rm -f "$log"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  rc=0
  # -timeout: one input taking 30 s counts as a hang; -rss_limit_mb: as a leak.
  cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
  if ((rc)); then
    tail -n 40 "$log"
    echo "fuzz: $target failed (exit $rc); a crashing input is in fuzz/artifacts/$target/"
    exit 1
  fi
done
