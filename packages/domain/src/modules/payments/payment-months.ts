/**
 * Calendar months as `YYYY-MM` keys. A transfer is owed per month of participation, so every amount
 * of the cash-transfer module is computed on months, never on days (a household enrolled on the 28th
 * is owed that whole month, as the programme counts it).
 */

export type MonthKey = string;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed `YYYY-MM`. */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

function parts(month: MonthKey): { year: number; month: number } {
  const m = MONTH_KEY.exec(month);
  if (m === null) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: MonthKey, count: number): MonthKey {
  const p = parts(month);
  const index = p.year * 12 + (p.month - 1) + count;
  const year = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The month of an ISO date (`2026-03-15` → `2026-03`). */
export function monthOf(isoDate: string): MonthKey {
  const month = isoDate.slice(0, 7);
  parts(month);
  return month;
}

/** `count` consecutive months starting at `first`. */
export function monthRange(first: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(first, i));
}

/** Months from `a` to `b` (0 when equal, negative when `b` is before `a`). */
export function monthsFrom(a: MonthKey, b: MonthKey): number {
  const pa = parts(a);
  const pb = parts(b);
  return (pb.year - pa.year) * 12 + (pb.month - pa.month);
}
