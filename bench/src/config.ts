import type { linkProfiles } from '@jigi/testkit';

/** What `pnpm bench` runs, from the environment (defaults: issue 8's sizes). */
export interface BenchConfig {
  /** Record counts of the throughput benchmark (`BENCH_N`, default `10000,100000`). */
  throughputN: number[];
  /** Record counts of the poor-link benchmark (`BENCH_POOR_N`, default `500,5000`). */
  poorLinkN: number[];
  /** Link profiles (`BENCH_POOR_PROFILES`, default `3g,2g`). */
  profiles: (keyof typeof linkProfiles)[];
  /** Which benchmarks (`BENCH_ONLY=throughput` or `poor-link`; default both). */
  only: 'throughput' | 'poor-link' | undefined;
  /** Seed of the records and of the fault schedule (`BENCH_SEED`, default 2026). */
  seed: number;
  /** PouchDB batch sizes (`BENCH_POUCH_BATCHES`, default `100,500`). */
  pouchBatchSizes: number[];
}

const numbers = (value: string | undefined, fallback: number[]): number[] => {
  if (value === undefined || value.trim() === '') return fallback;
  const list = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`expected a list of positive integers, got "${value}"`);
  return list;
};

/** Reads the configuration; throws on a malformed variable rather than running something else. */
export function readConfig(env: Record<string, string | undefined>): BenchConfig {
  const only = env.BENCH_ONLY;
  if (only !== undefined && only !== 'throughput' && only !== 'poor-link') throw new Error(`BENCH_ONLY must be throughput or poor-link, got "${only}"`);
  const profiles = (env.BENCH_POOR_PROFILES ?? '3g,2g').split(',').map((s) => s.trim());
  for (const p of profiles) if (p !== '3g' && p !== '2g') throw new Error(`unknown link profile "${p}" (3g or 2g)`);
  return {
    throughputN: numbers(env.BENCH_N, [10_000, 100_000]),
    poorLinkN: numbers(env.BENCH_POOR_N, [500, 5_000]),
    profiles: profiles as (keyof typeof linkProfiles)[],
    only,
    seed: numbers(env.BENCH_SEED, [2026])[0] ?? 2026,
    pouchBatchSizes: numbers(env.BENCH_POUCH_BATCHES, [100, 500]),
  };
}
