import { z } from 'zod';
import { withLabels } from './labelled-enum';
import { unsafeCharacterIn, unsafeCharacterReason } from './safe-content';

/**
 * Refuses text holding a control character or a lone surrogate (`safe-content.ts`). For
 * `.superRefine` on any text field; the French reason reaches the form through `params.reason`.
 */
export function refuseUnsafeText(value: string, ctx: z.RefinementCtx): void {
  const bad = unsafeCharacterIn(value);
  if (bad === undefined) return;
  const reason = unsafeCharacterReason(bad);
  ctx.addIssue({ code: 'custom', message: reason, params: { reason } });
}

/** UUID (any RFC 4122 version; devices make v4). */
export const idSchema = z.uuid();
/** Calendar date `YYYY-MM-DD` (Africa/Bamako is UTC+0, so a date is the same everywhere). */
export const isoDateSchema = z.iso.date();
/** Instant, ISO-8601 UTC (`…Z`). */
export const isoDateTimeSchema = z.iso.datetime();
/** 24-hour time `HH:mm`. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Count of things (≥ 0, integer). */
export const countSchema = z.number().int().min(0);
/** Money: XOF has no minor unit, so FCFA are always integers. */
export const fcfaSchema = z.number().int().min(0);
/** Short free text (places, reasons): trimmed, NFC, at most 200 characters. */
export const shortTextSchema = z
  .string()
  .superRefine(refuseUnsafeText)
  .trim()
  .normalize('NFC')
  .min(1)
  .max(200);
/** Long free text (observations). */
export const longTextSchema = z
  .string()
  .superRefine(refuseUnsafeText)
  .trim()
  .normalize('NFC')
  .max(2000);
/** French labels of `Sex`. */
export const sexLabels = { M: 'Masculin', F: 'Féminin' } as const;
export const sexSchema = withLabels(z.enum(['M', 'F']), sexLabels);
export type Sex = z.infer<typeof sexSchema>;
