import { beneficiaryHouseholdSchema, himoMicroprojectSchema, villageSchema } from '@jigi/domain';
import { z } from 'zod';
import { pageOf, pageQuerySchema, searchTextSchema } from './admin-common';

// Villages, beneficiary households and HIMO microprojects as the back office lists and edits them,
// and the two-step import (preview, then confirm) of village and household files.

/** A village with its version and the names of its commune, cercle and region. */
export const adminVillageSchema = villageSchema.extend({
  version: z.number().int(),
  communeName: z.string(),
  households: z.number().int(),
});
export type AdminVillage = z.infer<typeof adminVillageSchema>;
export const villagesQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema,
  /** Region, cercle or commune code: villages inside it. */
  zone: z.string().trim().max(200).optional(),
});
export type VillagesQuery = z.input<typeof villagesQuerySchema>;
export const villagesPageSchema = pageOf(adminVillageSchema);
export type VillagesPage = z.infer<typeof villagesPageSchema>;

export const adminHouseholdSchema = beneficiaryHouseholdSchema.extend({
  version: z.number().int(),
  villageName: z.string(),
});
export type AdminHousehold = z.infer<typeof adminHouseholdSchema>;
export const householdsQuerySchema = pageQuerySchema.extend({
  villageId: z.string().trim().max(200).optional(),
  q: searchTextSchema,
});
export type HouseholdsQuery = z.input<typeof householdsQuerySchema>;
export const householdsPageSchema = pageOf(adminHouseholdSchema);
export type HouseholdsPage = z.infer<typeof householdsPageSchema>;

export const adminMicroprojectSchema = himoMicroprojectSchema.extend({ version: z.number().int() });
export type AdminMicroproject = z.infer<typeof adminMicroprojectSchema>;
export const microprojectsResponseSchema = z.object({
  microprojects: z.array(adminMicroprojectSchema),
});

export const referenceImportKinds = ['villages', 'households'] as const;
export type ReferenceImportKind = (typeof referenceImportKinds)[number];

/** One problem of one line: the spreadsheet line (header = 1), its column and the rule, in French. */
export const importLineErrorSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportLineError = z.infer<typeof importLineErrorSchema>;

/**
 * What the server read from the file, imported nothing yet. `token` is the hash of exactly these
 * lines: sending it back with the same file imports them, and the server refuses a file whose
 * content differs or that still has an error.
 */
export const importPreviewSchema = z.object({
  kind: z.enum(referenceImportKinds),
  token: z.string(),
  lines: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  /** The first lines as they will be saved (at most 100), each with its spreadsheet line. */
  sample: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()) })),
  columns: z.array(z.string()),
  errors: z.array(importLineErrorSchema),
  /** Errors beyond those listed (the list stops at 500). */
  moreErrors: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importConfirmQuerySchema = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/, 'jeton d’aperçu attendu (64 caractères hexadécimaux)'),
});
export const importResultSchema = z.object({
  kind: z.enum(referenceImportKinds),
  imported: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
