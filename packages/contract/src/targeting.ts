import { z } from 'zod';
import { wireLimits } from '@jigi/sync';
import { enrolmentState, exitReason } from '@jigi/domain/register';
import { exclusionReasons } from '@jigi/domain/targeting';

// Request and response shapes of the targeting routes (OpenAPI documents them from these schemas).
// Score-bearing shapes are answered only to the roles of SCORE_ROLES (targeting-access.ts).

export const targetingFormulaParam = z.object({
  version: z.string().min(1).max(40),
});
export const targetingVillageParam = z.object({
  villageId: z.string().min(1).max(wireLimits.maxIdLength),
});
export const targetingRecordParam = z.object({
  recordId: z.string().min(1).max(wireLimits.maxIdLength),
});

/** A formula as listed: what it is, never its coefficients (those are in `formulaDetailSchema`). */
export const formulaSummarySchema = z.object({
  version: z.string(),
  label: z.string(),
  demo: z.boolean(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** When it was last adopted; null if never. */
  adoptedAt: z.string().nullable(),
  inForce: z.boolean(),
  indicatorCount: z.number().int(),
  zoneTypes: z.array(z.string()),
});
export type FormulaSummary = z.infer<typeof formulaSummarySchema>;

export const formulaListSchema = z.object({ formulas: z.array(formulaSummarySchema) });
export const currentFormulaSchema = z.object({ formula: formulaSummarySchema.nullable() });
export const formulaDetailSchema = z.object({
  summary: formulaSummarySchema,
  /** The uploaded formula (pmtFormulaSchema), coefficients included: administrators only. */
  formula: z.record(z.string(), z.unknown()),
});

export const scoreComputationSchema = z.object({
  formulaVersion: z.string(),
  villages: z.number().int(),
  /** New scores stored (households already scored at their current version are left as they are). */
  computed: z.number().int(),
  scored: z.number().int(),
  unscored: z.number().int(),
});
export type ScoreComputation = z.infer<typeof scoreComputationSchema>;

export const computeScoresBodySchema = z.object({
  villageId: z.string().min(1).max(wireLimits.maxIdLength).optional(),
});

const reasonSchema = z.enum(Object.keys(exclusionReasons) as [keyof typeof exclusionReasons]);

export const rankedHouseholdSchema = z.object({
  recordId: z.string(),
  householdCode: z.string(),
  headName: z.string(),
  householdSize: z.number().int(),
  cbtListRank: z.number().int().optional(),
  score: z.number(),
  rank: z.number().int(),
  selected: z.boolean(),
  tiedAtCut: z.boolean(),
});
export const excludedHouseholdSchema = z.object({
  recordId: z.string(),
  householdCode: z.string(),
  headName: z.string(),
  reason: reasonSchema,
  /** French reason. */
  reasonLabel: z.string(),
  missing: z.array(z.string()).optional(),
});
export const villageRankingSchema = z.object({
  villageId: z.string(),
  villageName: z.string(),
  demo: z.boolean(),
  quota: z.number().int(),
  formula: z.object({ version: z.string(), label: z.string(), demo: z.boolean() }),
  /** The tie rule as the ranking applied it, in French (shown under the list). */
  tieRule: z.string(),
  ranked: z.array(rankedHouseholdSchema),
  excluded: z.array(excludedHouseholdSchema),
});
export type VillageRankingResponse = z.infer<typeof villageRankingSchema>;

export const recordScoresSchema = z.object({
  recordId: z.string(),
  scores: z.array(
    z.object({
      formulaVersion: z.string(),
      recordVersion: z.number().int(),
      outcome: z.enum(['scored', 'missing_answers', 'no_model']),
      score: z.number().nullable(),
      zoneType: z.string(),
      computedAt: z.string(),
      inForce: z.boolean(),
    }),
  ),
});

export const publishAssemblyBodySchema = z.object({
  /** The facilitator or supervisor who holds the assembly (receives the list on the tablet). */
  assigneeId: z.string().min(1).max(wireLimits.maxIdLength),
});
export const publishedAssemblySchema = z.object({
  recordId: z.string(),
  households: z.number().int(),
  assigneeId: z.string(),
});
export const enrolBodySchema = z.object({
  assemblyRecordId: z.string().min(1).max(wireLimits.maxIdLength),
});
export const enrolmentOutcomeSchema = z.object({
  assemblyRecordId: z.string(),
  enrolled: z.array(z.string()),
  alreadyEnrolled: z.array(z.string()),
  awaitingSurvey: z.array(z.object({ lineId: z.string(), headName: z.string() })),
});
export const targetingHouseholdParam = z.object({
  villageId: z.string().min(1).max(wireLimits.maxIdLength),
  householdId: z.string().min(1).max(wireLimits.maxIdLength),
});
export const stateChangeBodySchema = z.object({
  state: enrolmentState.schema,
  exitReason: exitReason.schema.optional(),
});
export const enrolmentResponseSchema = z.record(z.string(), z.unknown());
export const villageRegisterSchema = z.object({
  villageId: z.string(),
  /** The village's assemblies, latest published first (the one to enrol from once approved). */
  assemblies: z.array(
    z.object({
      recordId: z.string(),
      reviewStatus: z.enum(['received', 'approved', 'returned', 'rejected']),
      held: z.boolean(),
      publishedAt: z.string(),
    }),
  ),
  /** Who may hold the village's assembly: active facilitators and supervisors of its zones. */
  assignees: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  /** Each household of the register (@jigi/domain/register enrolmentSchema). */
  households: z.array(z.record(z.string(), z.unknown())),
});

export const rsuChangesQuerySchema = z.object({
  /** Changes at or after this instant (ISO-8601); all when absent. */
  since: z.iso.datetime().optional(),
});

/** One household on one page (admin, supervisor of its village). */
export const householdFileSchema = z.object({
  survey: z.object({
    recordId: z.string(),
    villageId: z.string(),
    householdCode: z.string(),
    reviewStatus: z.enum(['received', 'approved', 'returned', 'rejected']),
    version: z.number().int(),
    interviewDate: z.string(),
    answers: z.record(z.string(), z.unknown()),
  }),
  scores: z.array(
    z.object({
      formulaVersion: z.string(),
      recordVersion: z.number().int(),
      outcome: z.enum(['scored', 'missing_answers', 'no_model']),
      score: z.number().nullable(),
      computedAt: z.string(),
      inForce: z.boolean(),
    }),
  ),
  assemblies: z.array(
    z.object({
      recordId: z.string(),
      reviewStatus: z.string(),
      date: z.string(),
      listStatus: z.string(),
      decision: z.string(),
      contestReason: z.string(),
    }),
  ),
  enrolment: z.record(z.string(), z.unknown()).nullable(),
  events: z.array(z.object({ action: z.string(), userId: z.string(), at: z.string() })),
  ma: z.array(z.object({ recordId: z.string(), date: z.string(), status: z.string() })),
  himo: z.array(z.object({ recordId: z.string(), name: z.string(), projectId: z.string() })),
  pnp: z.array(z.object({ recordId: z.string(), visitDate: z.string() })),
});
export type HouseholdFile = z.infer<typeof householdFileSchema>;
