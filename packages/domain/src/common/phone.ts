import { z } from 'zod';

/** Why a phone number was refused; `message` is French and can be shown as is. */
export type PhoneError = {
  kind: 'empty' | 'invalid_characters' | 'wrong_length' | 'invalid_prefix';
  message: string;
};

/** Mali's closed numbering plan (libphonenumber region ML): 8 digits, first digit 2 or 4–9. */
const NATIONAL = /^[24-9]\d{7}$/;

/**
 * Normalises a Malian phone number to E.164 (`+223XXXXXXXX`). Accepts spaces, dots, dashes, slashes,
 * parentheses, the `+223` / `00223` / `223` prefixes. Pure; the error is a value.
 */
export function normalizeMaliPhone(
  input: string,
): { ok: true; value: string } | { ok: false; error: PhoneError } {
  const compact = input.replace(/[\s.\-/()\u00a0\u202f]/g, '');
  if (compact === '')
    return { ok: false, error: { kind: 'empty', message: 'Téléphone : numéro vide.' } };
  let national = compact;
  if (national.startsWith('+')) {
    if (!national.startsWith('+223'))
      return fail('invalid_prefix', 'Téléphone : seul l’indicatif du Mali (+223) est accepté.');
    national = national.slice(4);
  } else if (national.startsWith('00')) {
    if (!national.startsWith('00223'))
      return fail('invalid_prefix', 'Téléphone : seul l’indicatif du Mali (00223) est accepté.');
    national = national.slice(5);
  } else if (national.length === 11 && national.startsWith('223')) {
    national = national.slice(3);
  }
  if (!/^\d+$/.test(national))
    return fail(
      'invalid_characters',
      'Téléphone : seuls les chiffres, espaces, points et tirets sont acceptés.',
    );
  if (national.length !== 8) {
    return fail(
      'wrong_length',
      `Téléphone : un numéro malien a 8 chiffres (${national.length} saisis).`,
    );
  }
  if (!NATIONAL.test(national))
    return fail(
      'invalid_prefix',
      'Téléphone : un numéro malien commence par 2, 4, 5, 6, 7, 8 ou 9.',
    );
  return { ok: true, value: `+223${national}` };
}

function fail(kind: PhoneError['kind'], message: string): { ok: false; error: PhoneError } {
  return { ok: false, error: { kind, message } };
}

/** A stored phone number: always E.164 as produced by {@link normalizeMaliPhone}. */
export const maliPhoneSchema = z.string().regex(/^\+223[24-9]\d{7}$/);

/** `+22376123456` → `76 12 34 56` (the way Malians write numbers). */
export function formatMaliPhone(e164: string): string {
  const national = e164.replace(/^\+223/, '');
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}
