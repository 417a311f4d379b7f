import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchConfig } from './config';
import type { PoorLinkResult } from './poor-link';
import type { ThroughputResult } from './throughput';

/** Everything one `pnpm bench` measured, as written to bench/results/latest.json. */
export interface BenchResults {
  date: string;
  machine: { cores: number; memoryGiB: number; cpu: string; node: string; platform: string };
  config: BenchConfig;
  records: { seed: number; meanJsonBytes: Record<string, number> };
  throughput: ThroughputResult[];
  poorLink: PoorLinkResult[];
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
