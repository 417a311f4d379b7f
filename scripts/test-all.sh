#!/usr/bin/env bash
# README command 2 (and CI): every check and every test suite, then one summary line.
# Static checks (lint, typecheck) count as one test each in the summary so that CI fails on them too.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }
if [ -x .tools/bin/pnpm ]; then export PATH="$PWD/.tools/bin:$PATH"; fi
bash scripts/ensure-chromium.sh || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/ensure-postgres.sh || { echo "0 passed, 1 failed"; exit 1; }

report_dir=$(mktemp -d)
# Runs a check with its output on stderr and prints only pass or fail (captured below).
status_of() { if "$@" >&2; then echo pass; else echo fail; fi; }

echo "› format";    format=$(status_of pnpm --silent exec prettier --check .)
echo "› lint";      lint=$(status_of pnpm --silent lint)
echo "› typecheck"; types=$(status_of pnpm --silent -r --workspace-concurrency=2 typecheck)
echo "› build";     build=$(status_of bash scripts/build-app.sh)
echo "› tests (unit, integration, end-to-end)"
pnpm --silent exec vitest run --reporter=default --reporter=json --outputFile.json="$report_dir/vitest.json"
vitest_rc=$?

node scripts/summarize.mjs "$report_dir/vitest.json" "format=$format" "lint=$lint" "typecheck=$types" "build=$build" "vitest_exit=$vitest_rc"
