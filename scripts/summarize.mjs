// Prints the one summary line CI reads ("N passed, N failed, N skipped") and exits non-zero on any
// failure, including a test runner that died before writing its report.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, ...checks] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let vitestExit = 0;
for (const check of checks) {
  const [name, value] = check.split('=');
  if (name === 'vitest_exit') vitestExit = Number(value);
  else if (value === 'pass') passed += 1;
  else {
    failed += 1;
    console.log(`✗ ${name} failed`);
  }
}
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails to load has no tests to count: count it as one failure.
  for (const file of report.testResults ?? []) {
    if (
      file.status === 'failed' &&
      (file.assertionResults ?? []).every((a) => a.status !== 'failed')
    ) {
      failed += 1;
      console.log(`✗ ${file.name}: ${String(file.message ?? 'failed to run').split('\n')[0]}`);
    }
  }
} else {
  failed += 1;
  console.log('✗ the test runner wrote no report');
}
if (vitestExit !== 0 && failed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
