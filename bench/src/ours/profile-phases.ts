// `pnpm --filter @jigi/bench profile-ours [N] [folder]`: our peer's phases on N households (default
// 2 000), one V8 CPU profile per phase (write, push, pull, noop) in `folder` (default the system temp
// folder), to open in Chrome DevTools (Performance → Load profile). Server and clients share this
// process, so one profile shows where a phase's time goes on both sides. How BENCHMARKS.md's
// explanations of missed targets were found.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateHouseholds } from '@jigi/testkit';
import { BENCH_AUTHOR, type BenchRecord } from '../sync-peer';
import { oursPeer } from './ours-peer';

const n = Number(process.argv[2] ?? 2000);
const folder = process.argv[3] ?? os.tmpdir();
const records = generateHouseholds({
  seed: 2026,
  count: n,
  author: BENCH_AUTHOR,
}) as unknown as BenchRecord[];
const peer = await oursPeer.create();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
try {
  for (const [name, work] of [
    ['write', () => peer.writeLocal(records)],
    ['push', () => peer.push()],
    ['pull', () => peer.pullIntoFresh()],
    ['noop', () => peer.noopResync()],
  ] as const) {
    await session.post('Profiler.start');
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(folder, `ours-${n}-${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    process.stderr.write(`${name}: ${Math.round(ms)} ms (profiled) → ${file}\n`);
  }
  process.stderr.write(`${JSON.stringify(peer.details?.())}\n`);
} finally {
  session.disconnect();
  await peer.close();
}
