/** Parsed parts of an ISO date; `undefined` if the text is not a real calendar date. */
export function parseIsoDate(iso: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Completed months between a birth date and a visit date (the PNP « âge en mois »): a child born on
 * 15 March is 1 month old from 15 April. Born on the 31st, the month is complete on the 31st or, in a
 * shorter month, not until the next month (the conservative reading). Negative if dob is after the date
 * (−1 when less than a month after, so « born after the visit » is always detectable); `undefined` if
 * either date is invalid.
 */
export function ageInMonths(dob: string, onDate: string): number | undefined {
  const a = parseIsoDate(dob);
  const b = parseIsoDate(onDate);
  if (!a || !b) return undefined;
  if (dob.slice(0, 10) > onDate.slice(0, 10)) return -Math.max(1, completedMonths(b, a));
  return completedMonths(a, b);
}

function completedMonths(
  a: { y: number; m: number; d: number },
  b: { y: number; m: number; d: number },
): number {
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  return b.d < a.d ? months - 1 : months;
}

/** Completed years between two ISO dates (the age at the interview, for a member known by date of birth). */
export function ageInYears(dob: string, onDate: string): number | undefined {
  const months = ageInMonths(dob, onDate);
  return months === undefined ? undefined : Math.trunc(months / 12);
}

/** Whole days from `from` to `to` (ISO dates), negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return undefined;
  return dayNumber(b) - dayNumber(a);
}

// Days since a fixed epoch (civil-from-days, Howard Hinnant); avoids Date so the package stays clock-free.
function dayNumber({ y, m, d }: { y: number; m: number; d: number }): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}
