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
}

/** `pnpm bench` with the BENCH_* variables of this run in front, as someone would type it again. */
export function benchCommand(env: Record<string, string | undefined>): string {
  const vars = Object.entries(env)
    .filter(([k, v]) => k.startsWith('BENCH_') && v !== undefined && k !== 'BENCH_OUT' && k !== 'BENCH_MD')
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
