import { z } from 'zod';
import { envelope, gpsSchema } from '../../common/envelope';
import { labelledEnum } from '../../common/labelled-enum';
import { personNameSchema } from '../../common/person-name';
import { maliPhoneSchema } from '../../common/phone';
import { idSchema, isoDateSchema, sexSchema, shortTextSchema } from '../../common/primitives';
import { dobPrecision } from '../../common/dob-precision';

export const PNP_ENROLMENT_VERSION = 1;

export const dobSource = labelledEnum({
  acte_naissance: 'Acte de naissance',
  carnet: 'Carnet de santé',
  declaration: 'Déclaration',
  calendrier: 'Calendrier local',
});
export const womanStatus = labelledEnum({
  enceinte: 'Enceinte',
  allaitante: 'Allaitante (enfant < 6 mois)',
  both: 'Enceinte et allaitante',
});
export const referralPlace = labelledEnum({
  cscom: 'CSCom',
  urenas: 'URENAS',
  urenam: 'URENAM',
  uren: 'URENI / hôpital',
});

/**
 * A child. Age in months and MUAC colour are NOT stored: they are computed (`ageInMonths(dob, visitDate)`,
 * `muacColour(mm, settings.muac)`) so that a corrected date or threshold can never disagree with them.
 */
export const pnpChildSchema = z.object({
  id: idSchema,
  name: personNameSchema,
  sex: sexSchema,
  dob: isoDateSchema,
  dobPrecision: dobPrecision.schema,
  dobSource: dobSource.schema,
  /** The child's mother, when she is among this enrolment's `women`. */
  /** The child's mother, when she is among this enrolment's `women`. */
  motherWomanId: idSchema.optional(),
  muacMm: z.number().int().optional(),
  /** Set when the agent re-measured a MUAC below 90 or above 200 mm. */
  muacConfirmed: z.boolean().optional(),
  oedema: z.boolean(),
  referredTo: referralPlace.schema.optional(),
  vaccinationCard: z.boolean(),
  rationType: shortTextSchema.optional(),
});
export type PnpChild = z.infer<typeof pnpChildSchema>;

export const pnpWomanSchema = z.object({
  id: idSchema,
  name: personNameSchema,
  age: z.number().int().min(0).max(110),
  status: womanStatus.schema,
  pregnancyMonths: z.number().int().min(1).max(9).optional(),
  muacMm: z.number().int().optional(),
  muacConfirmed: z.boolean().optional(),
  cpnCount: z.number().int().min(0).max(20).optional(),
  phone: maliPhoneSchema.optional(),
});
export type PnpWoman = z.infer<typeof pnpWomanSchema>;

export const pnpEnrolmentSchema = z.object({
  ...envelope('pnp_enrolment', PNP_ENROLMENT_VERSION),
  visitDate: isoDateSchema,
  household: z.object({
    /** Code of the TM beneficiary household, if this household is one. */
    householdCode: z.string().trim().min(1).max(40).optional(),
    caregiver: z.object({
      name: personNameSchema,
      sex: sexSchema,
      relation: shortTextSchema,
      phone: maliPhoneSchema.optional(),
    }),
  }),
  children: z.array(pnpChildSchema).max(30),
  women: z.array(pnpWomanSchema).max(10),
  gps: gpsSchema.optional(),
});
export type PnpEnrolment = z.infer<typeof pnpEnrolmentSchema>;
