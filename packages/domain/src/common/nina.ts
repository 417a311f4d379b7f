import { z } from 'zod';

/** NINA as stored: 14 digits and a control letter. The checksum algorithm is not public: format only. */
export const NINA_PATTERN = /^\d{14}[A-Z]$/;

/** Why a NINA was refused (French message). */
export type NinaError = { kind: 'empty' | 'invalid_format'; message: string };

/** Strips spaces and uppercases, then checks `^\d{14}[A-Z]$`. */
export function normalizeNina(
  input: string,
): { ok: true; value: string } | { ok: false; error: NinaError } {
  const value = input.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
  if (value === '') return { ok: false, error: { kind: 'empty', message: 'NINA : numéro vide.' } };
  if (!NINA_PATTERN.test(value)) {
    return {
      ok: false,
      error: {
        kind: 'invalid_format',
        message: 'NINA : 14 chiffres suivis d’une lettre de contrôle attendus.',
      },
    };
  }
  return { ok: true, value };
}

/** A stored NINA (already normalised). */
export const ninaSchema = z.string().regex(NINA_PATTERN);
