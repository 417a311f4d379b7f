#!/usr/bin/env bash
# Builds the field PWA unless its dist is already newer than every source file it is made from.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=apps/field/dist/index.html
if [ -f "$dist" ] && [ -z "$(find apps/field/src apps/field/public apps/field/index.html apps/field/vite.config.ts packages/domain/src packages/sync/src -newer "$dist" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "› building the field PWA"
pnpm --filter @jigi/field exec vite build --logLevel warn
