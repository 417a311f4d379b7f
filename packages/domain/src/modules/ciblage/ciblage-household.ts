import { z } from 'zod';
import { envelope, gpsSchema } from '../../common/envelope';
import { personNameSchema } from '../../common/person-name';
import { maliPhoneSchema } from '../../common/phone';
import {
  countSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  sexSchema,
  shortTextSchema,
} from '../../common/primitives';
import * as e from './ciblage-enums';

/** Current schema version of `ciblage_household` (history in ciblage-migrations.ts). */
export const CIBLAGE_HOUSEHOLD_VERSION = 3;

const wg = e.wgDifficulty.schema;

/** One roster line. Age is either a date of birth (with its precision) or an age in years. */
export const householdMemberSchema = z.object({
  id: idSchema,
  memberNo: z.number().int().min(1).max(99),
  firstName: personNameSchema,
  lastName: personNameSchema,
  nickname: personNameSchema.optional(),
  sex: sexSchema,
  relationToHead: e.relationToHead.schema,
  /** Roster id of the member's mother, when she lives in the household (child–mother age check). */
  motherMemberId: idSchema.optional(),
  dob: isoDateSchema.optional(),
  dobPrecision: e.dobPrecision.schema.optional(),
  ageYears: z.number().int().min(0).max(110).optional(),
  maritalStatus: e.maritalStatus.schema.optional(),
  disability: z
    .object({
      seeing: wg,
      hearing: wg,
      walking: wg,
      remembering: wg,
      selfCare: wg,
      communicating: wg,
    })
    .optional(),
  chronicIllness: z.boolean().optional(),
  attendsSchool: e.schoolAttendance.schema.optional(),
  highestLevel: e.educationLevel.schema.optional(),
  literate: z.boolean().optional(),
  mainActivity: e.mainActivity.schema.optional(),
  pregnant: z.boolean().optional(),
  absentMonths12m: z.number().int().min(0).max(12).optional(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export const dwellingSchema = z.object({
  occupancy: e.occupancy.schema,
  roomsCount: z.number().int().min(1).max(30),
  wall: e.wallMaterial.schema,
  roof: e.roofMaterial.schema,
  floor: e.floorMaterial.schema,
  water: e.waterSource.schema,
  waterTimeMinutes: z.number().int().min(0).max(1440).optional(),
  toilet: e.toiletType.schema,
  lighting: e.lightingSource.schema,
  cookingFuel: e.cookingFuel.schema,
  wasteDisposal: shortTextSchema.optional(),
});

const assetKeys = [
  'radio',
  'phoneBasic',
  'phoneSmart',
  'television',
  'fridge',
  'fan',
  'solarPanel',
  'bed',
  'mosquitoNet',
  'bicycle',
  'motorbike',
  'cart',
  'plough',
  'seeder',
  'donkeyHoe',
  'canoeMotor',
  'canoe',
  'fishingNet',
  'sewingMachine',
  'mill',
  'motorPump',
  'car',
] as const;
/** Asset counts (int ≥ 0); keys are listed in `assetKeys`. */
export const assetsSchema = z.object(
  Object.fromEntries(assetKeys.map((k) => [k, countSchema])) as Record<
    (typeof assetKeys)[number],
    typeof countSchema
  >,
);
export { assetKeys };

/** Livestock counts (ovins and caprins kept apart even if the PMT adds them). */
export const livestockSchema = z.object({
  cattle: countSchema,
  sheep: countSchema,
  goats: countSchema,
  camels: countSchema,
  donkeys: countSchema,
  horses: countSchema,
  poultry: countSchema,
});

export const landSchema = z.object({
  cultivates: z.boolean(),
  /** Hectares, one decimal; absent with `areaUnknown` when the household does not know. */
  areaHa: z.number().min(0).max(200).multipleOf(0.1).optional(),
  areaUnknown: z.boolean().optional(),
  tenure: e.landTenure.schema.optional(),
  irrigated: z.boolean().optional(),
});

export const foodSecuritySchema = z.object({
  mealsAdults: z.number().int().min(0).max(6),
  mealsChildren: z.number().int().min(0).max(6).optional(),
  hungerGapMonths: z.number().int().min(0).max(12),
  fcs: z.number().min(0).max(112).optional(),
  rcsi: z.number().min(0).max(56).optional(),
  shocks12m: z.array(e.shockType.schema),
});

export const ciblageHouseholdSchema = z.object({
  ...envelope('ciblage_household', CIBLAGE_HOUSEHOLD_VERSION),
  interviewDate: isoDateSchema,
  householdCode: z.string().trim().min(1).max(40),
  cbtListRank: z.number().int().min(1).optional(),
  respondentMemberId: idSchema.optional(),
  headPhone: maliPhoneSchema.optional(),
  headIdType: e.headIdType.schema.optional(),
  headIdNo: z.string().trim().min(1).max(40).optional(),
  residenceStatus: e.residenceStatus.schema.optional(),
  /** Asked only when the household is interviewed (`result` « complete »); a failed visit has none. */
  consent: z.object({ given: z.boolean(), at: isoDateTimeSchema.optional() }).optional(),
  /** The visit's outcome: interviewed, or why not (absent, refusal, moved, not found…). */
  result: e.interviewResult.schema,
  members: z.array(householdMemberSchema).max(80),
  dwelling: dwellingSchema.optional(),
  assets: assetsSchema.optional(),
  livestock: livestockSchema.optional(),
  /** Set when the enumerator confirmed a livestock count above 500. */
  livestockConfirmed: z.boolean().optional(),
  land: landSchema.optional(),
  foodSecurity: foodSecuritySchema.optional(),
  otherPrograms: z.array(e.otherProgram.schema).optional(),
  gps: gpsSchema.optional(),
  gpsUnavailableReason: e.gpsUnavailableReason.schema.optional(),
});
export type CiblageHousehold = z.infer<typeof ciblageHouseholdSchema>;
