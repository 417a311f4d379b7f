import { isOurs } from './report';
import type { BenchResults } from './results';
import type { ThroughputResult } from './throughput';

/** One target of issue 8 against what one run measured. */
export interface TargetCheck {
  /** Stable key, used to attach the explanation of a miss (`target-notes.ts`). */
  id: 'push' | 'pull' | 'bytes' | '2g' | 'section';
  /** Where it was measured, e.g. `§1, N = 10,000`. */
  where: string;
  /** The target in the issue's words. */
  target: string;
  /** The figure, in words (ratio and what it divides). */
  measured: string;
  /** null when the run has no figure for it (our peer or the baseline missing, gate failed). */
  met: boolean | null;
  /** Why there is no figure, or what the row's own note says. */
  note?: string;
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const n = (x: number): string => `N = ${fmt(x)}`;

/** Push and pull ≥ 5× the best PouchDB configuration, bytes per record ≤ ⅓ of the best, for one N. */
function throughputChecks(forN: readonly ThroughputResult[]): TargetCheck[] {
  const ours = forN.find((r) => isOurs(r.peer));
  const pouch = forN.filter((r) => !isOurs(r.peer) && r.gate.ok);
  const size = forN[0]?.n ?? 0;
  const where = `§1, ${n(size)}`;
  const missing = !ours
    ? 'our peer did not run'
    : !ours.gate.ok
      ? `our gate failed: ${ours.gate.problems.join('; ')}`
      : pouch.length === 0
        ? 'no PouchDB run passed its gate'
        : undefined;
  const checks: TargetCheck[] = [];
  const rate = (id: 'push' | 'pull', label: string): void => {
    const target = `${label} ≥ 5× PouchDB in the same run`;
    if (missing !== undefined || !ours) {
      checks.push({ id, where, target, measured: '—', met: null, note: missing ?? '' });
      return;
    }
    const best = Math.max(...pouch.map((r) => r[id].recordsPerSec));
    const ratio = ours[id].recordsPerSec / best;
    checks.push({
      id,
      where,
      target,
      measured: `${fmt(ratio, 2)}× (${fmt(ours[id].recordsPerSec)} vs ${fmt(best)} records/s)`,
      met: ratio >= 5,
    });
  };
  rate('push', 'push');
  rate('pull', 'pull');
  const target = 'bytes per record (push + pull) ≤ ⅓ of PouchDB’s';
  if (missing !== undefined || !ours) {
    checks.push({ id: 'bytes', where, target, measured: '—', met: null, note: missing ?? '' });
  } else {
    const bytes = (r: ThroughputResult): number => r.push.bytesPerRecord + r.pull.bytesPerRecord;
    const best = Math.min(...pouch.map(bytes));
    const ratio = bytes(ours) / best;
    checks.push({
      id: 'bytes',
      where,
      target,
      measured: `${fmt(ratio, 2)}× (${fmt(bytes(ours))} vs ${fmt(best)} B)`,
      met: ratio <= 1 / 3,
    });
  }
  return checks;
}

/**
 * Every target of issue 8 the run measured: §1 per N, §2 for each 2G run of ours, and the rows of
 * the other sections (§3 app, §4 load) that carry a target.
 */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of [...new Set(results.throughput.map((r) => r.n))])
    checks.push(...throughputChecks(results.throughput.filter((r) => r.n === size)));
  for (const r of results.poorLink.filter((x) => isOurs(x.peer) && x.profile === '2g')) {
    const target = '2G sync within 1.5× of the physical floor';
    const where = `§2, 2G, ${n(r.n)}`;
    if (!r.gate.ok)
      checks.push({
        id: '2g',
        where,
        target,
        measured: `${fmt(r.floorRatio, 2)}×`,
        met: false,
        note: `gate failed: ${r.gate.problems.join('; ')}`,
      });
    else
      checks.push({
        id: '2g',
        where,
        target,
        measured: `${fmt(r.floorRatio, 2)}× (${fmt(r.totalMs / 1000, 1)} s vs floor ${fmt(r.floorMs / 1000, 1)} s)`,
        met: r.floorRatio <= 1.5,
      });
  }
  for (const section of results.sections ?? []) {
    for (const row of section.rows.filter((x) => x.target !== '—' && x.target !== '')) {
      checks.push({
        id: 'section',
        where: section.title,
        target: `${row.metric}: ${row.target}`,
        measured:
          row.value === null ? '—' : `${fmt(row.value, row.unit === 'ms' ? 1 : 0)} ${row.unit}`,
        met: row.met,
        ...(row.note !== undefined ? { note: row.note } : {}),
      });
    }
  }
  return checks;
}

/** Issue 8's targets that live in other sections, listed as not measured when their section did not run. */
const sectionTargets: readonly { section: string; where: string; targets: readonly string[] }[] = [
  {
    section: '§3',
    where: 'The app in Chromium (§3)',
    targets: [
      'app shell ≤ 200 KB gzipped',
      'cold offline start ≤ 1.5 s at 4× CPU throttling',
      'search ≤ 100 ms',
      'roster input delay ≤ 50 ms',
    ],
  },
  {
    section: '§4',
    where: 'Server under load (§4)',
    targets: ['p99 push latency ≤ 250 ms with 200 devices and no errors'],
  },
];

/** Every target of issue 8: what the run measured, and the rest marked as not run. */
export function allTargets(results: BenchResults): TargetCheck[] {
  const checks = checkTargets(results);
  const notRun = (id: TargetCheck['id'], where: string, target: string): TargetCheck => ({
    id,
    where,
    target,
    measured: '—',
    met: null,
    note: 'not run in this run',
  });
  const has = (id: TargetCheck['id']): boolean => checks.some((c) => c.id === id);
  if (!has('push'))
    checks.push(
      notRun('push', '§1', 'push ≥ 5× PouchDB in the same run'),
      notRun('pull', '§1', 'pull ≥ 5× PouchDB in the same run'),
      notRun('bytes', '§1', 'bytes per record (push + pull) ≤ ⅓ of PouchDB’s'),
    );
  if (!has('2g')) checks.push(notRun('2g', '§2, 2G', '2G sync within 1.5× of the physical floor'));
  for (const s of sectionTargets) {
    if (!(results.sections ?? []).some((x) => x.title.includes(s.section)))
      checks.push(...s.targets.map((t) => notRun('section', s.where, t)));
  }
  return checks;
}

/** ✅ met, ❌ missed, — not measured. */
export function verdict(check: TargetCheck): string {
  if (check.met === null) return `— not measured${check.note ? `: ${check.note}` : ''}`;
  return check.met ? 'met' : '**missed**';
}
