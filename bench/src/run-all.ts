// `pnpm bench`: issue 8 §1 (throughput side by side), §2 (poor links), §4 (server under load),
// §3 (the app in Chromium) and the server's memory during an export (issue 15 §5), printed as
// tables with ratios, written to bench/results/latest.json and rendered into BENCHMARKS.md at the
// root. Choose what runs with BENCH_ONLY and the sizes with BENCH_N, BENCH_POOR_N,
// BENCH_POOR_PROFILES, BENCH_LOAD_* (§4's configurations: BENCH_LOAD_CONFIGS), BENCH_EXPORT_N,
// BENCH_EXPORT_FORMATS, BENCH_EXPORT_BACKENDS, BENCH_SEED, BENCH_OUT (see README.md).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, generateHouseholds } from '@jigi/testkit';
import { benchmarksMd } from './benchmarks-md';
import { readConfig } from './config';
import { loadConfigurations } from './load/load-configurations';
import { runExportMemory } from './export-memory/export-memory';
import { runServerLoad } from './load/server-load';
import { ourPeers } from './ours/index';
import { compressedSize } from './physical-floor';
import { runPoorLink, type PoorLinkResult } from './poor-link';
import { pouchdbPeer } from './pouchdb/pouchdb-peer';
import { poorLinkTable, throughputTable } from './report';
import { addRun, benchCommand, describeMachine, writeResults, type BenchResults } from './results';
import type { SectionReport } from './section-report';
import { BENCH_AUTHOR, type BenchRecord, type SyncPeerFactory } from './sync-peer';
import { runThroughput, type ThroughputResult } from './throughput';

const config = readConfig(process.env);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const here = path.dirname(fileURLToPath(import.meta.url));

function recordsOf(n: number): {
  records: BenchRecord[];
  expected: { count: number; hash: string; compressedBytes: number };
} {
  const records = generateHouseholds({
    seed: config.seed,
    count: n,
    author: BENCH_AUTHOR,
  }) as unknown as BenchRecord[];
  return {
    records,
    expected: { count: n, hash: contentHash(records), compressedBytes: compressedSize(records) },
  };
}

const meanJsonBytes: Record<string, number> = {};
const throughput: ThroughputResult[] = [];
const poorLink: PoorLinkResult[] = [];
const sections: SectionReport[] = [];
const chosen = (peer: SyncPeerFactory): boolean =>
  config.peers === undefined || config.peers.some((p) => peer.name.startsWith(p));
const peers: SyncPeerFactory[] = [...ourPeers, ...config.pouchBatchSizes.map(pouchdbPeer)].filter(
  chosen,
);
const started = new Date();

/**
 * §2 waits on an emulated 20–100 KB/s link for most of its time (about 40 minutes at issue 8's sizes),
 * so when other sections run too it runs in a child process beside them: the run fits in an hour on
 * 2 cores instead of two. Its timings are link-bound (each run's time ÷ the physical floor is the
 * figure), so sharing the machine with the CPU-bound sections moves them little; BENCH_SEQUENTIAL=1
 * runs it alone, after the others.
 */
async function poorLinkInChild(): Promise<PoorLinkResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jigi-bench-poor-'));
  const out = path.join(dir, 'poor-link.json');
  // The child's tables are not piped back (the parent prints them from the results): a pipe to a
  // parent that died would kill the child with EPIPE and lose forty minutes of measurements.
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      BENCH_ONLY: 'poor-link',
      BENCH_OUT: out,
      BENCH_MD: path.join(dir, 'poor-link.md'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const parsed = JSON.parse(await readFile(out, 'utf8')) as BenchResults;
    if (code !== 0) log(`poor-link child exited with ${String(code)}`);
    return parsed.poorLink;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
const poorLinkAlongside =
  config.only.includes('poor-link') &&
  config.only.length > 1 &&
  process.env.BENCH_SEQUENTIAL !== '1';
const poorLinkChild = poorLinkAlongside ? poorLinkInChild() : undefined;

if (config.only.includes('throughput')) {
  for (const n of config.throughputN) {
    const { records, expected } = recordsOf(n);
    meanJsonBytes[n] = Math.round(
      records.reduce((s, r) => s + Buffer.byteLength(JSON.stringify(r)), 0) / n,
    );
    const forN: ThroughputResult[] = [];
    for (const peer of peers) {
      log(`› throughput: ${peer.name}, N=${n}`);
      forN.push(await runThroughput(peer, records, expected));
    }
    throughput.push(...forN);
    console.log(
      `\n## Throughput, N = ${n.toLocaleString('en-US')} (records of ${meanJsonBytes[n]} B JSON on average)\n\n${throughputTable(forN)}`,
    );
  }
}

if (config.only.includes('poor-link') && !poorLinkAlongside) {
  // PouchDB's batch size matters little on a slow link; the default 100 stands for it.
  const poorPeers = [...ourPeers, pouchdbPeer(config.pouchBatchSizes[0] ?? 100)].filter(chosen);
  for (const profile of config.profiles) {
    for (const n of config.poorLinkN) {
      const { records, expected } = recordsOf(n);
      for (const peer of poorPeers) {
        log(`› poor link: ${peer.name}, ${profile}, N=${n}`);
        poorLink.push(await runPoorLink(peer, records, expected, profile, config.seed));
      }
    }
  }
  console.log(
    `\n## Poor links (2 % responses dropped after commit, 2 % requests cut mid-body)\n\n${poorLinkTable(poorLink)}`,
  );
}

if (config.only.includes('load')) {
  log(
    `› server under load: ${config.loadDevices} devices × ${config.loadPushesPerDevice} pushes of ${config.loadBatch}, on ${config.loadConfigurations.join(', ')}`,
  );
  sections.push(
    await runServerLoad(
      {
        devices: config.loadDevices,
        pushesPerDevice: config.loadPushesPerDevice,
        batch: config.loadBatch,
        seed: config.seed,
        configurations: loadConfigurations(config.loadConfigurations.join(',')),
      },
      log,
    ),
  );
}

if (config.only.includes('export-memory')) {
  sections.push(
    await runExportMemory(
      {
        sizes: config.exportN,
        formats: config.exportFormats,
        backends: config.exportBackends,
        seed: config.seed,
      },
      log,
    ),
  );
}

if (config.only.includes('app')) {
  // It measures the built PWA: rebuilt here when its sources are newer than the build (the script
  // checks), so a run never measures yesterday's app. Build output goes to stderr, off the tables.
  execFileSync('bash', [path.join(here, '..', '..', 'scripts', 'build-app.sh')], {
    stdio: ['ignore', 2, 2],
  });
  // Loaded only when it runs: it brings Chromium, Lighthouse and the e2e support with it.
  // BENCH_APP_PARTS=roll-call: issue 16's roll call and header share alone, without the rest of §3.
  if (process.env.BENCH_APP_PARTS !== 'roll-call') {
    const { runAppBench } = await import('./app/index');
    sections.push(await runAppBench());
  }
  const { runRollCallBench } = await import('./app/roll-call');
  sections.push(await runRollCallBench(log));
}

if (poorLinkChild) {
  log('› waiting for the poor-link child');
  poorLink.push(...(await poorLinkChild));
  console.log(
    `\n## Poor links (2 % responses dropped after commit, 2 % requests cut mid-body)\n\n${poorLinkTable(poorLink)}`,
  );
}

for (const s of sections) console.log(`\n## ${s.title}\n\n${s.markdown}`);

const results: BenchResults = {
  date: started.toISOString(),
  finished: new Date().toISOString(),
  command: benchCommand(process.env),
  machine: describeMachine(),
  config: { ...config, poorLinkAlongside },
  records: { seed: config.seed, meanJsonBytes },
  throughput,
  poorLink,
  sections,
};
const file = process.env.BENCH_OUT ?? path.join(here, '..', 'results', 'latest.json');
const written =
  process.env.BENCH_ADD === '1'
    ? addRun(JSON.parse(await readFile(file, 'utf8')) as BenchResults, results)
    : results;
await writeResults(file, written);
log(`\nresults written to ${path.relative(process.cwd(), file)}`);
const markdownFile = process.env.BENCH_MD ?? path.join(here, '..', '..', 'BENCHMARKS.md');
await writeFile(markdownFile, benchmarksMd(written));
log(`BENCHMARKS.md written to ${path.relative(process.cwd(), markdownFile)}`);
const lost = sections.some((s) => s.details?.['lossless'] === false);
if ([...throughput, ...poorLink].some((r) => !r.gate.ok) || lost) {
  log('correctness gate FAILED (see tables)');
  process.exitCode = 1;
}
