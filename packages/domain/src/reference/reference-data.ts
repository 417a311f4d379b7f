import { z } from 'zod';
import { personNameSchema } from '../common/person-name';
import { idSchema, sexSchema } from '../common/primitives';

/** A village (or nomadic fraction) as the admin loads it. `communeCode` is a mali-admin.json code. */
export const villageSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  communeCode: z.string().min(1),
  /** Demo villages are marked « démo » everywhere and excluded from real exports. */
  demo: z.boolean(),
  /** PNP is run in this village. */
  pnp: z.boolean(),
  /** Number of households the village may have in the programme (set from the poverty map). */
  quota: z.number().int().min(0).optional(),
});
export type Village = z.infer<typeof villageSchema>;

/** A roster line of a beneficiary household, as much as MA and HIMO screens need. */
export const beneficiaryMemberSummarySchema = z.object({
  memberNo: z.number().int().min(1).max(99),
  name: personNameSchema,
  sex: sexSchema,
  ageYears: z.number().int().min(0).max(110).optional(),
});
export type BeneficiaryMemberSummary = z.infer<typeof beneficiaryMemberSummarySchema>;

/** A household in the programme (TM beneficiaries: the MA lists and HIMO rolls are drawn from them). */
export const beneficiaryHouseholdSchema = z.object({
  id: idSchema,
  villageId: z.string().min(1),
  householdCode: z.string().trim().min(1).max(40),
  headName: personNameSchema,
  /** The person who receives the transfer (usually a woman). */
  titulaireName: personNameSchema.optional(),
  members: z.array(beneficiaryMemberSummarySchema).optional(),
});
export type BeneficiaryHousehold = z.infer<typeof beneficiaryHouseholdSchema>;
