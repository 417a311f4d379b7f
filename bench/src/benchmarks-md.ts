import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from './config';
import { defaultLoadConfigurations, loadConfigurations } from './load/load-configurations';
import { isOurs, poorLinkTable, table, throughputTable } from './report';
import type { BenchResults } from './results';
import type { SectionReport } from './section-report';
import { whyMissed } from './target-notes';
import { allTargets, verdict } from './targets';

// BENCHMARKS.md at the root is this file's output from bench/results/latest.json: `pnpm bench` writes
// it at the end of a run, and `pnpm --filter @jigi/bench benchmarks-md [results.json]` again from a
// results file. Nothing in it is typed by hand, so it cannot drift from the figures.

/** Issue 8's sizes; a run with others is labelled as reduced. */
export const issueSizes = {
  throughputN: [10_000, 100_000],
  poorLinkN: [500, 5_000],
  profiles: ['3g', '2g'],
  loadDevices: 200,
  /** Issue 14 §8: SQLite with 1 process, PostgreSQL with 1 and 2. */
  loadConfigurations: defaultLoadConfigurations.split(','),
} as const;

/** The load run's configurations; results written before issue 14 have none (SQLite only then). */
const loadIdsOf = (config: BenchConfig): readonly string[] =>
  (config as Partial<BenchConfig>).loadConfigurations ?? ['sqlite-1'];

/** « on SQLite, 1 process; PostgreSQL, 1 process; … » (results written before issue 14 ran SQLite only). */
function loadConfigurationsText(config: BenchConfig): string {
  return loadConfigurations(loadIdsOf(config).join(','))
    .map((c) => c.label)
    .join('; ');
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const list = (xs: readonly (number | string)[]): string =>
  xs.map((x) => (typeof x === 'number' ? fmt(x) : x)).join(', ');
const same = (a: readonly (number | string)[], b: readonly (number | string)[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What ran and at which sizes, with the differences from issue 8's sizes spelled out. */
export function sizesText(config: BenchConfig): string[] {
  const ran = (s: string): boolean => config.only.includes(s as BenchConfig['only'][number]);
  const lines = [
    `- §1 throughput: ${ran('throughput') ? `N = ${list(config.throughputN)} households, PouchDB batch sizes ${list(config.pouchBatchSizes)}` : 'not run'}`,
    `- §2 poor links: ${ran('poor-link') ? `N = ${list(config.poorLinkN)} on ${list(config.profiles)}${config.poorLinkAlongside === true ? ' (in a child process beside the other sections: it is link-bound; `BENCH_SEQUENTIAL=1` runs it alone)' : ''}` : 'not run'}`,
    `- §4 server under load: ${ran('load') ? `${fmt(config.loadDevices)} devices × ${fmt(config.loadPushesPerDevice)} pushes of ${fmt(config.loadBatch)} households, on ${loadConfigurationsText(config)}` : 'not run'}`,
    `- §3 the app in Chromium: ${ran('app') ? 'run' : 'not run'}`,
    `- server memory during an export: ${ran('export-memory') ? `${list(config.exportN)} households, ${list(config.exportFormats)}, on ${list(config.exportBackends)}` : 'not run'}`,
    `- records: \`generateHouseholds\` of @jigi/testkit, seed ${config.seed}`,
  ];
  const reduced: string[] = [];
  if (!ran('throughput')) reduced.push(`§1 not run (issue: N = ${list(issueSizes.throughputN)})`);
  else if (!same(config.throughputN, issueSizes.throughputN))
    reduced.push(`§1 at N = ${list(config.throughputN)} (issue: ${list(issueSizes.throughputN)})`);
  if (!ran('poor-link'))
    reduced.push(`§2 not run (issue: N = ${list(issueSizes.poorLinkN)} on 3g and 2g)`);
  else if (
    !same(config.poorLinkN, issueSizes.poorLinkN) ||
    !same(config.profiles, issueSizes.profiles)
  )
    reduced.push(
      `§2 at N = ${list(config.poorLinkN)} on ${list(config.profiles)} (issue: ${list(issueSizes.poorLinkN)} on 3g and 2g)`,
    );
  if (!ran('load')) reduced.push(`§4 not run (issue: ${issueSizes.loadDevices} devices)`);
  else {
    if (config.loadDevices !== issueSizes.loadDevices)
      reduced.push(`§4 with ${fmt(config.loadDevices)} devices (issue: ${issueSizes.loadDevices})`);
    if (config.loadPushesPerDevice !== 5 || config.loadBatch !== 50)
      reduced.push(
        `§4 with ${fmt(config.loadPushesPerDevice)} pushes of ${fmt(config.loadBatch)} per device (issue: 5 of 50)`,
      );
    if (!same(loadIdsOf(config), issueSizes.loadConfigurations))
      reduced.push(
        `§4 on ${loadConfigurationsText(config)} (issue 14: ${loadConfigurationsText({ ...config, loadConfigurations: [...issueSizes.loadConfigurations] })})`,
      );
  }
  if (!ran('app')) reduced.push('§3 not run');
  if (reduced.length > 0)
    lines.unshift(
      `**Reduced run**, not issue 8's full sizes: ${reduced.join('; ')}. The full run is \`pnpm bench\` with no variable.`,
      '',
    );
  return lines;
}

/** A section's markdown under its heading (a section may bring its own `## ` heading). */
function sectionBlock(s: SectionReport): string {
  return s.markdown.trimStart().startsWith('## ')
    ? s.markdown.trim()
    : `## ${s.title}\n\n${s.markdown.trim()}`;
}

/** Our push phase split into the push itself and the pull-back that ends a tablet's sync. */
function pushSplitTable(results: BenchResults): string | undefined {
  const rows = results.throughput.flatMap((r) => {
    const split = r.details?.['pushSplit'] as
      | {
          pushOnly: { ms: number; requests: number; bytesIn: number; bytesOut: number };
          pullBack: { ms: number; requests: number; bytesIn: number; bytesOut: number };
        }
      | undefined;
    if (!isOurs(r.peer) || !split) return [];
    return (['pushOnly', 'pullBack'] as const).map((k) => {
      const p = split[k];
      return [
        fmt(r.n),
        k === 'pushOnly'
          ? 'push (freeze, gzip, POST, acknowledge)'
          : 'pull-back of its own records',
        fmt(p.ms / 1000, 1),
        fmt(r.n / (p.ms / 1000)),
        fmt(p.requests),
        fmt((p.bytesIn + p.bytesOut) / r.n),
      ];
    });
  });
  return rows.length === 0
    ? undefined
    : table(['N', 'part of our push phase', 's', 'records/s', 'requests', 'bytes/record'], rows);
}

export function benchmarksMd(results: BenchResults): string {
  const m = results.machine;
  const checks = allTargets(results);
  const out: string[] = [
    '# Benchmarks (issue 8)',
    '',
    '<!-- Generated by bench/src/benchmarks-md.ts from bench/results/latest.json: do not edit; run `pnpm bench` again. -->',
    '',
    `- **Date**: ${results.date}${results.finished ? ` → ${results.finished}` : ''}`,
    `- **Machine**: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
    `- **Command**: \`${results.command ?? 'pnpm bench'}\` (from the repository root)`,
    ...(results.runs !== undefined && results.runs.length > 1
      ? [
          '- **Runs** (these results gather several; each section comes from the last run that measured it):',
          ...results.runs.map(
            (r) => `  - ${r.date} → ${r.finished}: ${r.only.join(', ')} — \`${r.command}\``,
          ),
        ]
      : []),
    '',
    '### Sizes',
    '',
    ...sizesText(results.config),
    '',
    'Timings depend on the machine and on whatever else runs on it; ratios measured in one run on the same records are what we claim. How each figure is taken: bench/README.md.',
    '',
    '## Targets',
    '',
    checks.length === 0
      ? 'No target was measured in this run.'
      : table(
          ['where', 'target', 'measured', 'verdict'],
          checks.map((c) => [c.where, c.target, c.measured, verdict(c)]),
        ),
    '',
  ];
  const missed = checks.filter((c) => c.met === false);
  if (missed.length > 0) {
    out.push('### Why missed targets are missed, and what would close them', '');
    for (const c of missed) {
      out.push(`**${c.where} — ${c.target}**: measured ${c.measured}.`, '');
      for (const p of whyMissed(results, c)) out.push(p, '');
    }
  }
  const sizes = [...new Set(results.throughput.map((r) => r.n))];
  for (const n of sizes) {
    out.push(
      `## Throughput, N = ${fmt(n)} (§1; records of ${fmt(results.records.meanJsonBytes[n] ?? 0)} B of JSON on average)`,
      '',
      throughputTable(results.throughput.filter((r) => r.n === n)),
      '',
    );
  }
  const split = pushSplitTable(results);
  if (split)
    out.push(
      'Our push phase is a whole tablet sync (what the enumerator waits for); its two parts:',
      '',
      split,
      '',
    );
  if (results.poorLink.length > 0) {
    out.push(
      '## Poor links (§2)',
      '',
      '2 % of responses dropped after the server committed, 2 % of requests cut mid-body, seeded; a failed sync is started again at once. `÷ floor` is time ÷ physical floor (target for 2G: ≤ 1.5×).',
      '',
      poorLinkTable(results.poorLink),
      '',
    );
  }
  for (const s of results.sections ?? []) out.push(sectionBlock(s), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// `tsx src/benchmarks-md.ts [results.json] [BENCHMARKS.md]`: render again from a results file.
if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const from = process.argv[2] ?? path.join(here, '..', 'results', 'latest.json');
  const to = process.argv[3] ?? path.join(here, '..', '..', 'BENCHMARKS.md');
  const results = JSON.parse(await readFile(from, 'utf8')) as BenchResults;
  await writeFile(to, benchmarksMd(results));
  process.stderr.write(
    `${path.relative(process.cwd(), to)} written from ${path.relative(process.cwd(), from)}\n`,
  );
}
