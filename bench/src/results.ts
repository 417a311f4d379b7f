import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchConfig } from './config';
import type { PoorLinkResult } from './poor-link';
import type { SectionReport } from './section-report';
import type { ThroughputResult } from './throughput';

/** Everything one `pnpm bench` measured, as written to bench/results/latest.json. */
export interface BenchResults {
  /** When the run started and finished (ISO). */
  date: string;
  finished?: string;
  /** The command that reproduces the run (the BENCH_* variables it had). */
  command?: string;
  machine: { cores: number; memoryGiB: number; cpu: string; node: string; platform: string };
  config: BenchConfig;
  records: { seed: number; meanJsonBytes: Record<string, number> };
  throughput: ThroughputResult[];
  poorLink: PoorLinkResult[];
  /** Sections that are not a peer comparison: the server under load (§4), the app in Chromium (§3). */
  sections?: SectionReport[];
  /** When the results gather several runs (`BENCH_ADD=1`): each run's command, times and sections. */
  runs?: { command: string; date: string; finished: string; only: string[] }[];
}

/** `earlier`'s rows, each replaced by `later`'s row of the same key, then `later`'s new rows. */
function replaceRows<T>(earlier: readonly T[], later: readonly T[], key: (row: T) => string): T[] {
  const fresh = new Map(later.map((r) => [key(r), r]));
  const kept = earlier.map((r) => fresh.get(key(r)) ?? r);
  const keptKeys = new Set(earlier.map(key));
  return [...kept, ...later.filter((r) => !keptKeys.has(key(r)))];
}

const runOf = (r: BenchResults): NonNullable<BenchResults['runs']>[number] => ({
  command: r.command ?? 'pnpm bench',
  date: r.date,
  finished: r.finished ?? r.date,
  only: [...r.config.only],
});

/**
 * `later`'s sections added to `earlier` (BENCH_ADD=1: e.g. §3 measured again after a fix without
 * rerunning the hour of §1 and §2). What `later` ran replaces the same thing in `earlier`: its peer
 * table rows by peer, size (and link), its sections by title; everything else of `earlier` stays, and `runs` says
 * which command measured what and when, so BENCHMARKS.md does not present two runs as one.
 */
export function addRun(earlier: BenchResults, later: BenchResults): BenchResults {
  const ran = (s: string): boolean => later.config.only.includes(s as BenchConfig['only'][number]);
  const laterTitles = new Set((later.sections ?? []).map((s) => s.title));
  return {
    ...earlier,
    finished: later.finished ?? later.date,
    command: [earlier.command ?? 'pnpm bench', later.command ?? 'pnpm bench'].join(' ; then '),
    config: {
      ...earlier.config,
      // §4's sizes and configurations are those of the run whose §4 is kept.
      ...(ran('load')
        ? {
            loadDevices: later.config.loadDevices,
            loadPushesPerDevice: later.config.loadPushesPerDevice,
            loadBatch: later.config.loadBatch,
            loadConfigurations: later.config.loadConfigurations,
          }
        : {}),
      ...(ran('export-memory')
        ? {
            exportN: later.config.exportN,
            exportFormats: later.config.exportFormats,
            exportBackends: later.config.exportBackends,
          }
        : {}),
      only: [...new Set([...earlier.config.only, ...later.config.only])],
    },
    records: {
      seed: earlier.records.seed,
      meanJsonBytes: { ...earlier.records.meanJsonBytes, ...later.records.meanJsonBytes },
    },
    throughput: ran('throughput')
      ? replaceRows(earlier.throughput, later.throughput, (r) => `${r.peer}|${String(r.n)}`)
      : earlier.throughput,
    poorLink: ran('poor-link')
      ? replaceRows(
          earlier.poorLink,
          later.poorLink,
          (r) => `${r.peer}|${r.profile}|${String(r.n)}`,
        )
      : earlier.poorLink,
    sections: [
      ...(earlier.sections ?? []).filter((s) => !laterTitles.has(s.title)),
      ...(later.sections ?? []),
    ],
    runs: [...(earlier.runs ?? [runOf(earlier)]), runOf(later)],
  };
}

/** `pnpm bench` with the BENCH_* variables of this run in front, as someone would type it again. */
export function benchCommand(env: Record<string, string | undefined>): string {
  const vars = Object.entries(env)
    .filter(
      ([k, v]) =>
        k.startsWith('BENCH_') && v !== undefined && k !== 'BENCH_OUT' && k !== 'BENCH_MD',
    )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v ?? ''}`);
  return [...vars, 'pnpm bench'].join(' ');
}

/** The machine, for labelling figures (timings only compare within one run on one machine). */
export function describeMachine(): BenchResults['machine'] {
  return {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Writes `results` to `file` (folders created), pretty-printed for diffs. */
export async function writeResults(file: string, results: BenchResults): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
