import { z } from 'zod';
import { envelope } from '../../common/envelope';
import { labelledEnum } from '../../common/labelled-enum';
import { personNameSchema } from '../../common/person-name';
import {
  countSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  longTextSchema,
  shortTextSchema,
} from '../../common/primitives';

export const ASSEMBLY_VALIDATION_VERSION = 1;

/** Where a line comes from: the list cut at the quota, the ones below it, or the assembly itself. */
export const assemblyListStatus = labelledEnum({
  selected: 'Retenu sur la liste classée',
  waiting: 'Liste d’attente (sous le quota)',
  added: 'Ajouté par l’assemblée',
});
/** What the assembly decided for a line. */
export const assemblyDecision = labelledEnum({
  retenu: 'Retenu',
  retire: 'Retiré',
  ajoute: 'Ajouté',
});
/** Why a household was contested. */
export const assemblyContestReason = labelledEnum({
  non_pauvre: 'Ménage jugé non pauvre',
  pauvre_oublie: 'Ménage pauvre oublié',
  absent_village: 'Ménage parti / absent du village',
  deces: 'Décès sans remplaçant',
  doublon: 'Doublon',
  autre: 'Autre motif',
});
/** The decision of the assembly's minutes (PV). */
export const assemblyMinutesDecision = labelledEnum({
  validee: 'Liste validée telle quelle',
  validee_modifiee: 'Liste validée avec modifications',
  rejetee: 'Liste rejetée (à reprendre)',
});

/**
 * One household on the list read out. For the list's households, `id` is the ciblage survey's record
 * id; an added household gets a new id. Names only: a score never appears here.
 */
export const assemblyLineSchema = z.object({
  id: idSchema,
  listStatus: assemblyListStatus.schema,
  /** Position on the list read out (1 = first); absent for an added household. */
  listRank: z.number().int().min(1).max(5000).optional(),
  householdCode: z.string().trim().min(1).max(40).optional(),
  headName: personNameSchema,
  decision: assemblyDecision.schema.optional(),
  contestReason: assemblyContestReason.schema.optional(),
  contestNote: shortTextSchema.optional(),
  /** An added household taking the place of a removed one: the removed line's id. */
  replacesLineId: idSchema.optional(),
});
export type AssemblyLine = z.infer<typeof assemblyLineSchema>;

export const assemblyValidationSchema = z.object({
  ...envelope('assembly_validation', ASSEMBLY_VALIDATION_VERSION),
  /** When the server published the list for this assembly. */
  publishedAt: isoDateTimeSchema,
  /** The village's quota when the list was published. */
  quota: z.number().int().min(0),
  /** False while the list waits for its assembly; true once the assembly is recorded. */
  held: z.boolean(),
  date: isoDateSchema.optional(),
  place: shortTextSchema.optional(),
  /** Chef de village or whoever chaired. */
  chairedBy: personNameSchema.optional(),
  attendanceMen: countSchema.optional(),
  attendanceWomen: countSchema.optional(),
  minutesDecision: assemblyMinutesDecision.schema.optional(),
  minutesNote: longTextSchema.optional(),
  households: z.array(assemblyLineSchema).max(2000),
});
export type AssemblyValidation = z.infer<typeof assemblyValidationSchema>;
