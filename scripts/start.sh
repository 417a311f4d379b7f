#!/usr/bin/env bash
# README command 1: install what is missing, build the PWA and the console, seed the demo
# (idempotent), serve the API, the PWA (/) and the console (/console/) on one port. PORT (default 8080), HOST (default 127.0.0.1) and DATA_DIR (default ./data) are read
# by the server's config.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ -x .tools/bin/pnpm ]; then export PATH="$PWD/.tools/bin:$PATH"; fi
bash scripts/build-app.sh
export DATA_DIR="${DATA_DIR:-$PWD/data}"
export STATIC_DIR="${STATIC_DIR:-$PWD/apps/field/dist}"
export CONSOLE_DIR="${CONSOLE_DIR:-$PWD/apps/console/dist}"
pnpm --silent --filter @jigi/server exec tsx src/cli/seed.ts
exec pnpm --silent --filter @jigi/server exec tsx src/server.ts
