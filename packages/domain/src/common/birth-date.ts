import { formatDateFr, parseDateFr } from './format';

// Birth dates are often known only to the year, or the month and year. Such a date is stored as an
// ISO date in the middle of what is known (the 15th of the month, 1 July of the year), so an age
// computed from it is off by half the period at most, and `dobPrecision` says how far to trust it;
// the schema, the sync paths and every age computation stay those of a full date.

/** Day stored for a month-and-year birth date. */
export const APPROXIMATE_MONTH_DAY = 15;
/** Month and day stored for a year-only birth date. */
export const APPROXIMATE_YEAR_MONTH = 7;
export const APPROXIMATE_YEAR_DAY = 1;

/** How much of a birth date was typed: the `dobPrecision` it implies. */
export type TypedPrecision = 'exacte' | 'mois' | 'annee';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `05/03/2019` → exact; `03/2019` → `2019-03-15`, month; `2019` → `2019-07-01`, year. Anything else
 * is refused with the formats the field accepts.
 */
export function parseBirthDateFr(
  text: string,
): { ok: true; value: string; precision: TypedPrecision } | { ok: false; error: string } {
  const exact = parseDateFr(text);
  if (exact.ok) return { ok: true, value: exact.value, precision: 'exacte' };
  const month = /^\s*(\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (month) {
    const m = Number(month[1]);
    if (m >= 1 && m <= 12)
      return {
        ok: true,
        value: `${month[2] ?? ''}-${pad(m)}-${pad(APPROXIMATE_MONTH_DAY)}`,
        precision: 'mois',
      };
  }
  const year = /^\s*(\d{4})\s*$/.exec(text);
  if (year)
    return {
      ok: true,
      value: `${year[1] ?? ''}-${pad(APPROXIMATE_YEAR_MONTH)}-${pad(APPROXIMATE_YEAR_DAY)}`,
      precision: 'annee',
    };
  return { ok: false, error: 'Date de naissance : format jj/mm/aaaa, mm/aaaa ou aaaa attendu.' };
}

/**
 * A birth date as it was typed: `2019` for a year-only date, `03/2019` for a month and year, else
 * jj/mm/aaaa (also when the stored day is not the one `parseBirthDateFr` stores for that precision).
 */
export function formatBirthDateFr(iso: string, precision: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const [, y, mo, d] = m;
    if (
      precision === 'annee' &&
      mo === pad(APPROXIMATE_YEAR_MONTH) &&
      d === pad(APPROXIMATE_YEAR_DAY)
    )
      return y ?? iso;
    if (precision === 'mois' && d === pad(APPROXIMATE_MONTH_DAY)) return `${mo ?? ''}/${y ?? ''}`;
  }
  return formatDateFr(iso);
}
