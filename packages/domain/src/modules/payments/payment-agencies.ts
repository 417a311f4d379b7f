import { z } from 'zod';
import { labelledEnum } from '../../common/labelled-enum';
import { gpsSchema } from '../../common/envelope';
import { shortTextSchema } from '../../common/primitives';

/**
 * Payment agencies and sites: the reference data a round is planned on. The fee is a rate in basis
 * points (1/100 of a percent) so that it stays an integer setting; an agency's fee is either added to
 * what the programme sends it (the household receives the full amount) or included in it (the agency
 * keeps its fee out of the amount sent, and the household receives the rest).
 */

export const feeModes = labelledEnum({
  added: 'Frais en plus du montant',
  included: 'Frais inclus dans le montant',
});
export type FeeMode = (typeof feeModes.codes)[number];

/** Upper bound of a fee rate: 20 % (2 000 basis points) is already far above any contract. */
export const MAX_FEE_BASIS_POINTS = 2_000;

export const paymentAgencySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_-]{2,20}$/, 'Code : 2 à 20 lettres majuscules, chiffres, - ou _'),
  name: shortTextSchema,
  contactName: shortTextSchema.optional(),
  contactPhone: z.string().trim().max(30).optional(),
  feeBasisPoints: z.number().int().min(0).max(MAX_FEE_BASIS_POINTS),
  feeMode: feeModes.schema,
  /** Communes (admin-area ids) the agency serves. */
  communeIds: z.array(z.string().min(1)).min(1),
});
export type PaymentAgency = z.infer<typeof paymentAgencySchema>;

export const paymentSiteSchema = z.object({
  id: z.string().min(1),
  name: shortTextSchema,
  villageId: z.string().min(1),
  gps: gpsSchema.optional(),
});
export type PaymentSite = z.infer<typeof paymentSiteSchema>;

/**
 * The money of one household's payment through an agency, in whole FCFA: the fee is rounded to the
 * franc, half up, so the three figures always add up (toAgency = toBeneficiary + fee).
 */
export function agencyTransfer(
  amountFcfa: number,
  agency: Pick<PaymentAgency, 'feeBasisPoints' | 'feeMode'>,
): { toBeneficiaryFcfa: number; feeFcfa: number; toAgencyFcfa: number } {
  if (!Number.isSafeInteger(amountFcfa) || amountFcfa < 0)
    throw new RangeError('amountFcfa must be whole FCFA ≥ 0');
  const feeFcfa = Math.round((amountFcfa * agency.feeBasisPoints) / 10_000);
  return agency.feeMode === 'added'
    ? { toBeneficiaryFcfa: amountFcfa, feeFcfa, toAgencyFcfa: amountFcfa + feeFcfa }
    : { toBeneficiaryFcfa: amountFcfa - feeFcfa, feeFcfa, toAgencyFcfa: amountFcfa };
}

/** The agency serving a commune; two agencies for one commune is a setting to fix, said by name. */
export function agencyForCommune(
  agencies: readonly PaymentAgency[],
  communeId: string,
): { ok: true; agency: PaymentAgency } | { ok: false; message: string } {
  const serving = agencies.filter((a) => a.communeIds.includes(communeId));
  if (serving.length === 1 && serving[0] !== undefined) return { ok: true, agency: serving[0] };
  if (serving.length === 0)
    return { ok: false, message: 'Aucune agence de paiement ne dessert cette commune.' };
  return {
    ok: false,
    message: `Plusieurs agences desservent cette commune (${serving.map((a) => a.code).join(', ')}) : gardez-en une.`,
  };
}
