import { z } from 'zod';
import { jsonObjectSchema } from '../json';
import { wireLimits } from '../limits';
import { fieldPathSchema, instantSchema, opaqueIdSchema } from './common';
import { cursorStringSchema } from './cursor';

/**
 * `GET /api/sync/pull` query. Without a cursor the server sends everything in the device's scope.
 * Query values arrive as strings, hence the coercion.
 */
export const pullQuerySchema = z.object({
  cursor: cursorStringSchema.optional(),
  limit: z.coerce.number().int().min(1).max(wireLimits.maxPullLimit).optional(),
  maxBytes: z.coerce
    .number()
    .int()
    .min(wireLimits.minPullBytes)
    .max(wireLimits.maxPullBytes)
    .optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** What a pulled change is about: records, reference data, review tasks, conflicts. */
export const pullEntities = [
  'record',
  'village',
  'beneficiary_household',
  'microproject',
  'settings',
  'task',
  'conflict',
] as const;
export type PullEntity = (typeof pullEntities)[number];

/** Server facts about a pulled record that are not part of the record (architecture §1). */
export const recordMetaSchema = z.object({
  reviewState: z.enum(['received', 'approved', 'returned', 'rejected']).optional(),
  /** Paths waiting for a supervisor: the tablet shows them as "en attente d'arbitrage". */
  pendingConflictPaths: z.array(fieldPathSchema).optional(),
  updatedAt: instantSchema.optional(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

const changeBase = {
  /** Server change sequence; ascending within a page. */
  seq: z.number().int().min(1),
  entity: z.enum(pullEntities),
  id: opaqueIdSchema,
  /** The entity's server version (records: the next `baseVersion`). */
  version: z.number().int().min(1).optional(),
};

/**
 * One change since the cursor: the entity's full current content, or a tombstone. `data` is checked
 * by the receiver with the entity's own schema (`@jigi/domain`).
 */
export const pullChangeSchema = z.discriminatedUnion('deleted', [
  z.object({
    ...changeBase,
    deleted: z.literal(false),
    data: jsonObjectSchema,
    meta: recordMetaSchema.optional(),
  }),
  z.object({ ...changeBase, deleted: z.literal(true) }),
]);
export type PullChange = z.infer<typeof pullChangeSchema>;

/** `GET /api/sync/pull` 200 answer. Store `nextCursor` only after the changes are stored. */
export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  nextCursor: cursorStringSchema,
  hasMore: z.boolean(),
  serverTime: instantSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
