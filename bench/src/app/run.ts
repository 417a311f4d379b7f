// `pnpm --filter @jigi/bench exec tsx src/app/run.ts`: issue 8 §3 alone (the app in Chromium), its
// table on stdout, progress on stderr; BENCH_APP_OUT=<file> also writes everything measured as JSON
// (run-all.ts owns bench/results/, so nothing is written there by default).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeMachine } from '../results';
import { runAppBench } from './index';

const report = await runAppBench();
console.log(report.markdown);
const file = process.env['BENCH_APP_OUT'];
if (file) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine: describeMachine(), ...report }, null, 2)}\n`,
  );
  process.stderr.write(`results written to ${file}\n`);
}
