#!/usr/bin/env bash
# Sets up and runs every check and test: rustfmt, clippy, the native Rust
# tests, the wasm tests in headless Chromium, the release wasm build, the npm
# package's tests in Node.js, a strict TypeScript check of a consumer of its
# types, and the end-to-end tests of the pages. A failed step does not hide
# later ones: every step runs unless it depends on one that failed, and the
# script exits non-zero if any failed. Ends with a table of step times and the
# test runners' own summary lines.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log="$(mktemp -t lacuna-test.XXXXXX)"
trap 'rm -f "$log"' EXIT

failed=()
report=()

# step NAME COMMAND...: runs COMMAND with a header line, records time and outcome.
step() {
  local name="$1" started=$SECONDS rc=0
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee -a "$log" || rc=$?
  local took=$((SECONDS - started))
  if ((rc == 0)); then
    report+=("$(printf '  %-10s ok      %4ss' "$name" "$took")")
  else
    report+=("$(printf '  %-10s FAILED  %4ss  (exit %s)' "$name" "$took" "$rc")")
    failed+=("$name")
  fi
  return "$rc"
}

# skip NAME REASON: records a step that could not run.
skip() {
  report+=("$(printf '  %-10s skipped        (%s)' "$1" "$2")")
  failed+=("$1")
}

total_started=$SECONDS

step setup bash scripts/setup.sh || {
  echo "test: setup failed; nothing else can run" >&2
  exit 1
}
step fmt cargo fmt --all -- --check || true
step clippy cargo clippy --all-targets --features cli -- -D warnings || true
step test cargo test --features cli --no-fail-fast || true
# Only tests/wasm.rs: the other integration tests read files, which a browser can't.
step wasm-test wasm-pack test --headless --chrome -- --test wasm || true
if step build bash scripts/build.sh; then
  step package node --test tests/package.test.mjs || true
  step types node tests/types/check.mjs || true
  step e2e node --test tests/e2e/ || true
else
  skip package "build failed"
  skip types "build failed"
  skip e2e "build failed"
fi

printf '\n==> summary (%ss in all)\n' "$((SECONDS - total_started))"
printf '%s\n' "${report[@]}"
if ((${#failed[@]})); then
  echo "test: FAILED: ${failed[*]}"
else
  echo "test: all steps passed"
fi
echo
echo "Test runners' summary lines:"
# cargo test and wasm-bindgen-test-runner ("test result: ..."), libFuzzer ("Done N runs in S second(s)"),
# node --test ("# pass N", ...).
grep -E '^(test result: |Done [0-9]+ runs |fuzz: skipped|# (tests|suites|pass|fail|cancelled|skipped|todo) [0-9]+$)' "$log" || true
((${#failed[@]} == 0))
