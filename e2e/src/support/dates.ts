/** Today in Bamako (UTC, as the tablets' clock), as `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The date `months` whole months before today, as the tablet's form takes it (`jj/mm/aaaa`). The day
 * is capped at 28, so the age in whole months is exactly `months` whatever today's date.
 */
export function monthsAgoFr(months: number): string {
  const now = new Date();
  const day = Math.min(now.getUTCDate(), 28);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day));
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCFullYear())}`;
}
