import { programSettingsSchema } from '@jigi/domain';
import { z } from 'zod';
import { pageOf, pageQuerySchema, searchTextSchema } from './admin-common';

// The audit log, the quarantine and the programme settings with their history, as the back office
// reads them.

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The person's name; « Système » for the server's own work (seed, command line). */
  userName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const dayOrInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'date attendue au format AAAA-MM-JJ');

export const auditQuerySchema = pageQuerySchema.extend({
  userId: z.string().trim().max(200).optional(),
  /** An exact action (`user.create`) or a family (`user`). */
  action: z.string().trim().max(80).optional(),
  /** First day included (AAAA-MM-JJ, UTC). */
  from: dayOrInstant.optional(),
  /** Last day included (AAAA-MM-JJ, UTC). */
  to: dayOrInstant.optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
export const auditPageSchema = pageOf(auditEntrySchema).extend({
  /** Every action the log holds, for the filter's list. */
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** A change the server refused: what, why, from which tablet (named for its user). */
export const quarantineEntrySchema = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  userName: z.string(),
  mutationId: z.number().int(),
  batchNumber: z.number().int().nullable(),
  reasonCode: z.string(),
  /** The reason in French, as the tablet was told. */
  reason: z.string(),
  /** Record type and id of the refused change when it carried them. */
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  input: z.unknown(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
export const quarantineQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema,
  reasonCode: z.string().trim().max(80).optional(),
});
export type QuarantineQuery = z.input<typeof quarantineQuerySchema>;
export const quarantinePageSchema = pageOf(quarantineEntrySchema);
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

/** One field a settings save changed: its path (`muac.womanBelowMm`) and both values. */
export const settingsChangeSchema = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const settingsHistoryEntrySchema = z.object({
  at: z.string(),
  userName: z.string(),
  changes: z.array(settingsChangeSchema),
});
export type SettingsHistoryEntry = z.infer<typeof settingsHistoryEntrySchema>;
export const settingsResponseSchema = z.object({
  settings: programSettingsSchema,
  /** 0 while the defaults are in force (nobody saved any yet). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  history: z.array(settingsHistoryEntrySchema),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;
