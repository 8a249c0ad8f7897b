#!/usr/bin/env bash
# Sets up, builds and serves Lacuna: prints "Lacuna is running at http://127.0.0.1:PORT/"
# and serves until Ctrl-C. PORT=NNNN picks the port; otherwise the first free from 8080.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs
