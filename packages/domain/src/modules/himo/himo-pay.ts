/**
 * Days worked and pay of HIMO workers from the attendance sheets: the one computation behind the
 * tablet's pay table and sheet totals, the server's dashboard, the dashboard indicator and the
 * payment rules, so that they all give the same days and the same FCFA for the same sheets.
 */

/** What pay reads of a sheet: a draft's lines may still be unmarked. */
export type HimoPaySheet = {
  id?: string | undefined;
  projectId?: string | undefined;
  date?: string | undefined;
  capturedAt?: string | undefined;
  lines?: readonly { id: string; status?: string | undefined }[] | undefined;
};

/** One worker's days and amount due (integer FCFA). */
export type HimoPayLine = { workerId: string; days: number; amountFcfa: number };

/** Per-worker lines and their totals; the total amount is the sum of the workers' amounts. */
export type HimoPay = { lines: HimoPayLine[]; days: number; amountFcfa: number };

/** Value of one day's mark: present 1, half day 0.5, absent or unmarked 0. */
export function attendanceDayValue(status: string | undefined): number {
  return status === 'present' ? 1 : status === 'half_day' ? 0.5 : 0;
}

/** Pay for days at a daily wage, in whole FCFA (a half day at an odd wage rounds to the nearest franc). */
export function himoAmount(daysWorked: number, dailyWageFcfa: number): number {
  return Math.round(daysWorked * dailyWageFcfa);
}

/** The sheet kept for a date seen on several: the last captured, then the greatest id (never list order). */
function laterSheet(a: HimoPaySheet, b: HimoPaySheet): boolean {
  const ca = a.capturedAt ?? '';
  const cb = b.capturedAt ?? '';
  if (ca !== cb) return ca > cb;
  return (a.id ?? '') > (b.id ?? '');
}

/**
 * Each worker's days and amount on a project between two dates (inclusive) from the attendance
 * sheets. Every worker with a line is paid, replaced (inactive) workers too: they worked those days.
 * A date with several sheets counts once, from the sheet captured last (then by id), whatever the
 * order the caller read them in, so a sheet re-entered on a second tablet cannot pay a day twice
 * and the tablet (Dexie order) and the server (SQL order) agree. `workerIds` come first, in their
 * order, even with no day (a roll shows every worker); workers found only on sheets follow.
 */
export function himoPay(input: {
  sheets: readonly HimoPaySheet[];
  projectId: string;
  dailyWageFcfa: number;
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  workerIds?: readonly string[] | undefined;
}): HimoPay {
  const from = input.periodStart ?? '0000-01-01';
  const to = input.periodEnd ?? '9999-12-31';
  const byDate = new Map<string, HimoPaySheet>();
  for (const s of input.sheets) {
    if (s.projectId !== input.projectId || s.date === undefined) continue;
    if (s.date < from || s.date > to) continue;
    const kept = byDate.get(s.date);
    if (kept === undefined || laterSheet(s, kept)) byDate.set(s.date, s);
  }
  const days = new Map<string, number>((input.workerIds ?? []).map((id) => [id, 0]));
  for (const s of byDate.values())
    for (const l of s.lines ?? [])
      days.set(l.id, (days.get(l.id) ?? 0) + attendanceDayValue(l.status));
  return payOf(days, input.dailyWageFcfa);
}

/** One sheet's part of the pay (a draft's lines as they are marked): what `himoPay` adds for its day. */
export function himoSheetPay(
  lines: readonly { id: string; status?: string | undefined }[],
  dailyWageFcfa: number,
): HimoPay {
  const days = new Map<string, number>();
  for (const l of lines) days.set(l.id, (days.get(l.id) ?? 0) + attendanceDayValue(l.status));
  return payOf(days, dailyWageFcfa);
}

function payOf(days: ReadonlyMap<string, number>, dailyWageFcfa: number): HimoPay {
  const lines = [...days].map(([workerId, d]) => ({
    workerId,
    days: d,
    amountFcfa: himoAmount(d, dailyWageFcfa),
  }));
  return {
    lines,
    days: lines.reduce((n, l) => n + l.days, 0),
    amountFcfa: lines.reduce((n, l) => n + l.amountFcfa, 0),
  };
}

/** Days one worker worked on a project between two dates (inclusive); see `himoPay`. */
export function computeDaysWorked(
  sheets: readonly HimoPaySheet[],
  projectId: string,
  workerId: string,
  periodStart: string,
  periodEnd: string,
): number {
  const pay = himoPay({ sheets, projectId, dailyWageFcfa: 0, periodStart, periodEnd });
  return pay.lines.find((l) => l.workerId === workerId)?.days ?? 0;
}
