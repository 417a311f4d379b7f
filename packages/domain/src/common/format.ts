import { parseIsoDate } from './dates';

/**
 * Thousands separator and the space before « FCFA »: a regular space (U+0020), everywhere — on screen,
 * in CSV and in PDFs — so that exports compare and search as typed. Screens keep amounts on one line
 * with CSS `white-space: nowrap`.
 */
export const FCFA_SEPARATOR = ' ';

/** `15000` → `15 000 FCFA`. Throws on a non-integer: FCFA have no decimals, so that is a bug. */
export function formatFcfa(amount: number): string {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`formatFcfa: ${amount} is not an integer amount`);
  const digits = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, FCFA_SEPARATOR);
  return `${amount < 0 ? '-' : ''}${digits}${FCFA_SEPARATOR}FCFA`;
}

/**
 * Reads an amount as people write it: `15000`, `15 000`, `15.000`, `15 000 FCFA`, `15.000 F`, `15000 F CFA`.
 * Refuses decimals and a comma (`15,000` could mean 15 in French).
 */
export function parseFcfa(
  input: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const text = input
    .trim()
    .replace(/\s*(f\s*cfa|fcfa|xof|f)\s*$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { ok: false, error: 'Montant : vide.' };
  if (text.includes(','))
    return { ok: false, error: 'Montant : pas de virgule, les FCFA n’ont pas de centimes.' };
  let digits = text;
  if (text.includes('.')) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(text))
      return { ok: false, error: 'Montant : nombre entier de FCFA attendu.' };
    digits = text.replace(/\./g, '');
  }
  if (!/^\d+$/.test(digits))
    return { ok: false, error: 'Montant : nombre entier de FCFA attendu.' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'Montant : trop grand.' };
  return { ok: true, value };
}

/** `2026-03-05` (or `2026-03-05T…`) → `05/03/2026`; returns the input unchanged if it is not a date. */
export function formatDateFr(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  return `${String(p.d).padStart(2, '0')}/${String(p.m).padStart(2, '0')}/${String(p.y).padStart(4, '0')}`;
}

/** `05/03/2026` (or `5/3/2026`) → `2026-03-05`. */
export function parseDateFr(
  text: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  const iso = m
    ? `${m[3] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`
    : '';
  if (!parseIsoDate(iso)) return { ok: false, error: 'Date : format jj/mm/aaaa attendu.' };
  return { ok: true, value: iso };
}
