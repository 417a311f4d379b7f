import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');

/**
 * Prints a run's figures, and with RELIABILITY_RECORD=1 (set by `pnpm long` and by the command in
 * RELIABILITY.md) also writes them to results/<name>.json, the source of RELIABILITY.md's tables.
 */
export function reportFigures(name: string, figures: Record<string, unknown>): void {
  const line = {
    name,
    at: new Date().toISOString(),
    long: process.env['RELIABILITY_LONG'] === '1',
    ...figures,
  };
  process.stdout.write(`[reliability] ${JSON.stringify(line)}\n`);
  if (process.env['RELIABILITY_RECORD'] !== '1') return;
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, `${name}${line.long ? '.long' : ''}.json`),
    `${JSON.stringify(line, null, 2)}\n`,
  );
}

/** A seed from RELIABILITY_SEED, or a fresh one; tests print it so a failure replays. */
export function runSeed(): number {
  const fromEnv = Number(process.env['RELIABILITY_SEED']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0
    ? fromEnv
    : Math.floor(Math.random() * 2 ** 31) + 1;
}

export const isLong = process.env['RELIABILITY_LONG'] === '1';
