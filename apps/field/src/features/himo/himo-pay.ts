import { computeDaysWorked, himoAmount, type HimoAttendance } from '@jigi/domain';

export type PayLine = { workerId: string; days: number; amount: number };

/** Days worked and amount due per worker, from the project's sheets (the domain's rules). */
export function payLines(
  sheets: readonly HimoAttendance[],
  projectId: string,
  workerIds: readonly string[],
  dailyWageFcfa: number,
): PayLine[] {
  return workerIds.map((workerId) => {
    const days = computeDaysWorked(sheets, projectId, workerId, '0000-01-01', '9999-12-31');
    return { workerId, days, amount: himoAmount(days, dailyWageFcfa) };
  });
}

/** Value of one day's mark: present 1, half day 0.5, absent or unmarked 0. */
export function dayValue(status: string | undefined): number {
  return status === 'present' ? 1 : status === 'half_day' ? 0.5 : 0;
}

/** `10.5` → `10,5`. */
export function frNumber(n: number): string {
  return String(n).replace('.', ',');
}
