import { z } from 'zod';
import { refuseUnsafeText } from './primitives';

/** Longest name accepted; long enough for compound names, short enough for list screens and exports. */
export const PERSON_NAME_MAX = 80;

/**
 * A person's name as typed: free text (rendered as text, never as HTML), trimmed, NFC-normalised so
 * that « ɛ́ » typed two ways compares equal, 1–80 characters. Accepts the national-language letters
 * ɛ ɔ ɲ ŋ ɓ ɗ ƴ (and capitals), apostrophes (N'Dodjiga, N’Diaye) and hyphens.
 */
export const personNameSchema = z
  .string()
  .superRefine(refuseUnsafeText)
  .normalize('NFC')
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(PERSON_NAME_MAX));
