#!/usr/bin/env bash
# Builds the field PWA (apps/field/dist, served at /) and the console (apps/console/dist, served at
# /console/), each unless its dist is already newer than every source file it is made from.
set -euo pipefail
cd "$(dirname "$0")/.."
# up_to_date <dist index.html> <sources…>: the dist exists and no source is newer.
up_to_date() {
  local dist=$1
  shift
  [ -f "$dist" ] && [ -z "$(find "$@" -newer "$dist" -print -quit 2>/dev/null)" ]
}
if ! up_to_date apps/field/dist/index.html apps/field/src apps/field/public apps/field/index.html \
  apps/field/vite.config.ts packages/domain/src packages/sync/src; then
  echo "› building the field PWA"
  pnpm --filter @jigi/field exec vite build --logLevel warn
fi
if ! up_to_date apps/console/dist/index.html apps/console/src apps/console/public \
  apps/console/index.html apps/console/vite.config.ts packages/contract/src packages/domain/src \
  packages/sync/src; then
  echo "› building the console"
  pnpm --filter @jigi/console exec vite build --logLevel warn
fi
