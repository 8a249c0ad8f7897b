#!/usr/bin/env bash
# Runs every benchmark and prints its figures: the criterion benchmarks of the
# Rust core (benches/compare.rs: the Mueller pair, the report repeated 16
# times and segmentation alone, with the growth ratio), the native peak memory
# of the command-line tool on both, and the browser's figures
# (scripts/bench-browser.mjs: the WebAssembly module in a worker, the page,
# and jsdiff and diff-match-patch on the same pair). Builds what it needs:
# run setup.sh first. Benchmarks print figures; nothing here passes or fails
# on a time. Takes about five minutes (the two differs take one each).
#
#   bash scripts/bench.sh               everything
#   bash scripts/bench.sh --no-peers    without jsdiff and diff-match-patch
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

echo "==> criterion: cargo bench --bench compare"
cargo bench --bench compare

echo
echo "==> native peak memory (lacuna compare, /usr/bin/time)"
cargo build --release --features cli --quiet
lacuna="${CARGO_TARGET_DIR:-target}/release/lacuna"
example=www/examples/mueller-vol2
big="$(mktemp -t lacuna-report16.XXXXXX)"
trap 'rm -f "$big"' EXIT
for _ in $(seq 16); do
  cat "$example/report.txt"
  printf '\n\n'
done >"$big"
for report in "$example/report.txt" "$big"; do
  bytes=$(($(wc -c <"$example/summary.txt") + $(wc -c <"$report")))
  kb=$({ /usr/bin/time -f '%M' "$lacuna" compare --summary "$example/summary.txt" --report "$report" --format json >/dev/null; } 2>&1 | tail -1)
  awk -v kb="$kb" -v bytes="$bytes" -v name="$([[ $report == "$big" ]] && echo 'report x16' || echo 'Mueller')" \
    'BEGIN { printf "%s: peak RSS %.1f MB for %.1f MB of input (%.1fx)\n", name, kb / 1024, bytes / 1e6, kb * 1024 / bytes }'
done

echo
echo "==> browser: node scripts/bench-browser.mjs $*"
bash scripts/build.sh
node scripts/bench-browser.mjs "$@"
