#!/usr/bin/env bash
# Installs what a fresh machine (Node 20 + npm only) lacks: pnpm, then the workspace's dependencies.
# Idempotent and quick when nothing changed: dependencies are reinstalled only when a manifest or the
# lockfile differs from the last successful install.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=12.21.0

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  if [ -x .tools/bin/pnpm ]; then
    :
  elif ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No write access to the global prefix: keep pnpm inside the checkout instead.
    npm install --prefix .tools -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
fi
if [ -x .tools/bin/pnpm ]; then export PATH="$PWD/.tools/bin:$PATH"; fi

# better-sqlite3 compiles from source; without this node-gyp tries to download Node's headers,
# which this network refuses. Debian's Node ships them under /usr/include/node.
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi

stamp=node_modules/.jigi-install-stamp
want=$(cat pnpm-lock.yaml pnpm-workspace.yaml package.json apps/*/package.json packages/*/package.json e2e/package.json bench/package.json reliability/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "› installing dependencies (pnpm install)"
  pnpm install --frozen-lockfile --reporter=append-only
  echo "$want" > "$stamp"
fi
