import type { linkProfiles } from '@jigi/testkit';
import { loadConfigurations } from './load/load-configurations';

/**
 * The sections of `pnpm bench` (issue 8 §1, §2, §4, §3; the server's memory during an export, issue
 * 15 §5), as `BENCH_ONLY` names them.
 */
export const benchSections = ['throughput', 'poor-link', 'load', 'app', 'export-memory'] as const;
export type BenchSection = (typeof benchSections)[number];

/** What `pnpm bench` runs, from the environment (defaults: issue 8's sizes). */
export interface BenchConfig {
  /** Record counts of the throughput benchmark (`BENCH_N`, default `10000,100000`). */
  throughputN: number[];
  /** Record counts of the poor-link benchmark (`BENCH_POOR_N`, default `500,5000`). */
  poorLinkN: number[];
  /** Link profiles (`BENCH_POOR_PROFILES`, default `3g,2g`). */
  profiles: (keyof typeof linkProfiles)[];
  /** Which sections run (`BENCH_ONLY`, a comma list of `throughput`, `poor-link`, `load`, `app`; default all). */
  only: BenchSection[];
  /** Seed of the records and of the fault schedule (`BENCH_SEED`, default 2026). */
  seed: number;
  /** PouchDB batch sizes (`BENCH_POUCH_BATCHES`, default `100,500`). */
  pouchBatchSizes: number[];
  /** Peers of §1 and §2 whose name starts with one of these (`BENCH_PEERS`, e.g. `ours`; default every peer). */
  peers: string[] | undefined;
  /** Server under load (§4): simulated devices, one connection each (`BENCH_LOAD_DEVICES`, default 200). */
  loadDevices: number;
  /** Pushes each device sends during the load run (`BENCH_LOAD_PUSHES`, default 5). */
  loadPushesPerDevice: number;
  /** New households per push (`BENCH_LOAD_BATCH`, default 50 as issue 8 says). */
  loadBatch: number;
  /**
   * Server configurations of the load run, run one after the other on the same devices and bodies
   * (`BENCH_LOAD_CONFIGS`, default `sqlite-1,postgres-1,postgres-2`: issue 14 §8).
   */
  loadConfigurations: string[];
  /** Household counts of the export memory run (`BENCH_EXPORT_N`, default `10000,100000`). */
  exportN: number[];
  /** Formats of the export memory run (`BENCH_EXPORT_FORMATS`, default `csv,xlsx`). */
  exportFormats: ('csv' | 'xlsx')[];
  /** Stores of the export memory run (`BENCH_EXPORT_BACKENDS`, default `sqlite,postgres`). */
  exportBackends: ('sqlite' | 'postgres')[];
  /** Set by run-all when §2 ran in a child process beside the other sections (see run-all.ts). */
  poorLinkAlongside?: boolean;
}

const numbers = (value: string | undefined, fallback: number[]): number[] => {
  if (value === undefined || value.trim() === '') return fallback;
  const list = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`expected a list of positive integers, got "${value}"`);
  return list;
};

const one = (env: Record<string, string | undefined>, name: string, fallback: number): number => {
  const list = numbers(env[name], [fallback]);
  if (list.length !== 1)
    throw new Error(`${name} takes one positive integer, got "${env[name] ?? ''}"`);
  return list[0] ?? fallback;
};

function exportFormats(value: string | undefined): ('csv' | 'xlsx')[] {
  const list = (value ?? 'csv,xlsx').split(',').map((s) => s.trim());
  for (const f of list)
    if (f !== 'csv' && f !== 'xlsx')
      throw new Error(`BENCH_EXPORT_FORMATS takes csv, xlsx; got "${f}"`);
  return list as ('csv' | 'xlsx')[];
}

function exportBackends(value: string | undefined): ('sqlite' | 'postgres')[] {
  const list = (value ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  for (const b of list)
    if (b !== 'sqlite' && b !== 'postgres')
      throw new Error(`BENCH_EXPORT_BACKENDS takes sqlite, postgres; got "${b}"`);
  return list as ('sqlite' | 'postgres')[];
}

/** Reads the configuration; throws on a malformed variable rather than running something else. */
export function readConfig(env: Record<string, string | undefined>): BenchConfig {
  const only = (env.BENCH_ONLY ?? benchSections.join(',')).split(',').map((s) => s.trim());
  for (const o of only)
    if (!(benchSections as readonly string[]).includes(o))
      throw new Error(`BENCH_ONLY takes a comma list of ${benchSections.join(', ')}; got "${o}"`);
  const profiles = (env.BENCH_POOR_PROFILES ?? '3g,2g').split(',').map((s) => s.trim());
  for (const p of profiles)
    if (p !== '3g' && p !== '2g') throw new Error(`unknown link profile "${p}" (3g or 2g)`);
  return {
    throughputN: numbers(env.BENCH_N, [10_000, 100_000]),
    poorLinkN: numbers(env.BENCH_POOR_N, [500, 5_000]),
    profiles: profiles as (keyof typeof linkProfiles)[],
    only: only as BenchSection[],
    seed: numbers(env.BENCH_SEED, [2026])[0] ?? 2026,
    pouchBatchSizes: numbers(env.BENCH_POUCH_BATCHES, [100, 500]),
    peers:
      env.BENCH_PEERS === undefined || env.BENCH_PEERS.trim() === ''
        ? undefined
        : env.BENCH_PEERS.split(',').map((p) => p.trim()),
    loadDevices: one(env, 'BENCH_LOAD_DEVICES', 200),
    loadPushesPerDevice: one(env, 'BENCH_LOAD_PUSHES', 5),
    loadBatch: one(env, 'BENCH_LOAD_BATCH', 50),
    loadConfigurations: loadConfigurations(env.BENCH_LOAD_CONFIGS).map((c) => c.id),
    exportN: numbers(env.BENCH_EXPORT_N, [10_000, 100_000]),
    exportFormats: exportFormats(env.BENCH_EXPORT_FORMATS),
    exportBackends: exportBackends(env.BENCH_EXPORT_BACKENDS),
  };
}
