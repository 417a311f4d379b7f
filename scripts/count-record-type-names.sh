#!/usr/bin/env bash
# How many non-test files name each record type outside its module's own folders
# (packages/domain/src/modules/<module>, apps/<app>/src/features/<module>): the measure of
# « a module is one folder in the domain plus its feature folders ».
set -euo pipefail
cd "$(dirname "$0")/.."
for pair in ciblage_household:ciblage ma_session:ma pnp_enrolment:pnp himo_worker:himo himo_attendance:himo himo_payment:himo; do
  type=${pair%%:*}
  module=${pair##*:}
  files=$(git grep -l "$type" -- ':!*.test.*' ":!packages/domain/src/modules/$module" \
    ":!apps/field/src/features/$module" ":!apps/server/src/features/$module" ":!apps/console/src/features/$module" || true)
  printf '%-18s %2d  %s\n' "$type" "$(printf '%s' "$files" | grep -c . || true)" "$(echo $files)"
done
