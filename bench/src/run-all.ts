// `pnpm bench`: issue 8 §1 (throughput side by side) and §2 (poor links), printed as tables with
// ratios and written to bench/results/latest.json. Choose sizes with BENCH_N, BENCH_POOR_N,
// BENCH_POOR_PROFILES, BENCH_ONLY, BENCH_SEED, BENCH_OUT (see README.md).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, generateHouseholds } from '@jigi/testkit';
import { readConfig } from './config';
import { ourPeers } from './ours/index';
import { compressedSize } from './physical-floor';
import { runPoorLink, type PoorLinkResult } from './poor-link';
import { pouchdbPeer } from './pouchdb/pouchdb-peer';
import { poorLinkTable, throughputTable } from './report';
import { describeMachine, writeResults, type BenchResults } from './results';
import type { BenchRecord, SyncPeerFactory } from './sync-peer';
import { runThroughput, type ThroughputResult } from './throughput';

const config = readConfig(process.env);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function recordsOf(n: number): { records: BenchRecord[]; expected: { count: number; hash: string; compressedBytes: number } } {
  const records = generateHouseholds({ seed: config.seed, count: n }) as unknown as BenchRecord[];
  return { records, expected: { count: n, hash: contentHash(records), compressedBytes: compressedSize(records) } };
}

const meanJsonBytes: Record<string, number> = {};
const throughput: ThroughputResult[] = [];
const poorLink: PoorLinkResult[] = [];
const peers: SyncPeerFactory[] = [...ourPeers, ...config.pouchBatchSizes.map(pouchdbPeer)];

if (config.only !== 'poor-link') {
  for (const n of config.throughputN) {
    const { records, expected } = recordsOf(n);
    meanJsonBytes[n] = Math.round(records.reduce((s, r) => s + Buffer.byteLength(JSON.stringify(r)), 0) / n);
    const forN: ThroughputResult[] = [];
    for (const peer of peers) {
      log(`› throughput: ${peer.name}, N=${n}`);
      forN.push(await runThroughput(peer, records, expected));
    }
    throughput.push(...forN);
    console.log(`\n## Throughput, N = ${n.toLocaleString('en-US')} (records of ${meanJsonBytes[n]} B JSON on average)\n\n${throughputTable(forN)}`);
  }
}

if (config.only !== 'throughput') {
  // PouchDB's batch size matters little on a slow link; the default 100 stands for it.
  const poorPeers = [...ourPeers, pouchdbPeer(config.pouchBatchSizes[0] ?? 100)];
  for (const profile of config.profiles) {
    for (const n of config.poorLinkN) {
      const { records, expected } = recordsOf(n);
      for (const peer of poorPeers) {
        log(`› poor link: ${peer.name}, ${profile}, N=${n}`);
        poorLink.push(await runPoorLink(peer, records, expected, profile, config.seed));
      }
    }
  }
  console.log(`\n## Poor links (2 % responses dropped after commit, 2 % requests cut mid-body)\n\n${poorLinkTable(poorLink)}`);
}

const results: BenchResults = { date: new Date().toISOString(), machine: describeMachine(), config, records: { seed: config.seed, meanJsonBytes }, throughput, poorLink };
const file = process.env.BENCH_OUT ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results', 'latest.json');
await writeResults(file, results);
log(`\nresults written to ${path.relative(process.cwd(), file)}`);
if ([...throughput, ...poorLink].some((r) => !r.gate.ok)) {
  log('correctness gate FAILED (see tables)');
  process.exitCode = 1;
}
