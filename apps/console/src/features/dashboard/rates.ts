/** `present / expected` as a whole percentage, `null` when nothing was expected. */
export function rate(present: number, expected: number): number | null {
  if (expected <= 0) return null;
  return Math.round((present / expected) * 100);
}

/** `76 %` (French: a space before %), `—` when there is no rate. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${String(value)} %`;
}

/** Days worked with the French decimal comma (`12,5`). */
export function formatDays(days: number): string {
  return String(days).replace('.', ',');
}
