import type { TargetRow } from '../section-report';

/** The middle sample (mean of the two middle ones for an even count): robust to one slow run on a shared machine. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** A target of issue 8, e.g. `≤ 200 KB`: the figure must stay at or under (`max`) or reach (`min`) `limit`. */
export interface Target {
  kind: 'max' | 'min';
  limit: number;
  unit: string;
}

export const atMost = (limit: number, unit: string): Target => ({ kind: 'max', limit, unit });

export function targetText(target: Target): string {
  return `${target.kind === 'max' ? '≤' : '≥'} ${formatValue(target.limit)} ${target.unit}`;
}

/** Whether `value` meets `target`; null when either is missing (nothing measured, or no target). */
export function meets(value: number | null, target: Target | undefined): boolean | null {
  if (value === null || target === undefined) return null;
  return target.kind === 'max' ? value <= target.limit : value >= target.limit;
}

/** One row of the section's table; `met` is computed, never written by hand. */
export function targetRow(
  metric: string,
  value: number | null,
  unit: string,
  target?: Target,
  note?: string,
): TargetRow {
  return {
    metric,
    value,
    unit,
    target: target ? targetText(target) : '—',
    met: meets(value, target),
    ...(note === undefined ? {} : { note }),
  };
}

/** Figures as the tables print them: thousands separated, one decimal under 100, none above. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
