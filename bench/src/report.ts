import type { PoorLinkResult } from './poor-link';
import type { ThroughputResult } from './throughput';

/** Is the peer ours (vs a baseline)? Ours are named `ours…` (see `ours/`). */
export const isOurs = (peer: string): boolean => peer.startsWith('ours');

/** A markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * ours ÷ the best baseline, for a metric where `higher` is better (records/s) or lower is better
 * (bytes, requests, ms). Comparing with the best PouchDB configuration keeps the claim honest.
 * `—` until our peer exists.
 */
export function ratio(
  results: readonly ThroughputResult[],
  metric: (r: ThroughputResult) => number,
  higher: boolean,
): string {
  const ours = results.find((r) => isOurs(r.peer));
  const baselines = results.filter((r) => !isOurs(r.peer)).map(metric);
  if (!ours || baselines.length === 0) return '—';
  const best = higher ? Math.max(...baselines) : Math.min(...baselines);
  return best === 0 ? '—' : `${fmt(metric(ours) / best, 2)}×`;
}

/** Issue 8 §1 for one N: one column per peer, then the ratio. */
export function throughputTable(results: readonly ThroughputResult[]): string {
  const metrics: [string, (r: ThroughputResult) => number, boolean, number][] = [
    ['push records/s', (r) => r.push.recordsPerSec, true, 0],
    ['pull records/s', (r) => r.pull.recordsPerSec, true, 0],
    ['no-op resync ms', (r) => r.noop.ms, false, 0],
    ['push requests', (r) => r.push.requests, false, 0],
    ['pull requests', (r) => r.pull.requests, false, 0],
    ['no-op requests', (r) => r.noop.requests, false, 0],
    ['push bytes/record', (r) => r.push.bytesPerRecord, false, 0],
    ['pull bytes/record', (r) => r.pull.bytesPerRecord, false, 0],
  ];
  const rows = metrics.map(([label, metric, higher, digits]) => [
    label,
    ...results.map((r) => fmt(metric(r), digits)),
    ratio(results, metric, higher),
  ]);
  rows.push([
    'gate',
    ...results.map((r) => (r.gate.ok ? 'ok' : `FAIL: ${r.gate.problems.join('; ')}`)),
    '',
  ]);
  return table(['metric', ...results.map((r) => r.peer), 'ours ÷ best PouchDB'], rows);
}

/** Issue 8 §2: one row per peer, profile and N. */
export function poorLinkTable(results: readonly PoorLinkResult[]): string {
  return table(
    [
      'peer',
      'link',
      'N',
      'push s',
      'pull s',
      'total s',
      'requests',
      'retries',
      'drops/cuts',
      'stray rejections',
      'MB on link',
      'floor s',
      '÷ floor',
      'gate',
    ],
    results.map((r) => [
      r.peer,
      r.profile,
      fmt(r.n),
      fmt(r.pushMs / 1000, 1),
      fmt(r.pullMs / 1000, 1),
      fmt(r.totalMs / 1000, 1),
      fmt(r.requests),
      fmt(r.retries),
      `${r.faults.drop_response}/${r.faults.cut_request}`,
      fmt(r.strayRejections),
      fmt(r.linkBytes / 1e6, 2),
      fmt(r.floorMs / 1000, 1),
      `${fmt(r.floorRatio, 1)}×`,
      r.gate.ok ? 'ok' : `FAIL: ${r.gate.problems.join('; ')}`,
    ]),
  );
}
