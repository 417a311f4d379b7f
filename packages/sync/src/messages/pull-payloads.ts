import { z } from 'zod';
import { jsonSchema } from '../json';
import { wireLimits } from '../limits';
import { fieldPathSchema, instantSchema, opaqueIdSchema } from './common';

// The `data` of the pulled changes this package owns. Records and reference data are checked by
// their domain schemas (`@jigi/domain`); review tasks and conflicts are the protocol's own, so their
// shape is defined here, once, for the server that builds them and the tablet that reads them.

/** A correction's state; a closed task is sent as a tombstone, but `done` may come too. */
export const taskStatuses = ['open', 'done'] as const;

/** `data` of a pulled `task` change: a supervisor asked the record's author for a correction. */
export const pullTaskDataSchema = z.object({
  id: opaqueIdSchema,
  recordId: opaqueIdSchema,
  /** The record's type, null when the server no longer has the record. */
  recordType: z.string().max(wireLimits.maxShortString).nullable(),
  /** The supervisor's words, shown as they are (« Âge du chef à vérifier »). */
  comment: z.string().max(wireLimits.maxMessageLength),
  createdAt: instantSchema,
  status: z.enum(taskStatuses),
});
export type PullTaskData = z.infer<typeof pullTaskDataSchema>;

export const conflictStatuses = ['open', 'resolved'] as const;

/** `data` of a pulled `conflict` change: one critical path waiting for (or given) arbitration. */
export const pullConflictDataSchema = z.object({
  id: opaqueIdSchema,
  recordId: opaqueIdSchema,
  path: fieldPathSchema,
  status: z.enum(conflictStatuses),
  /** The value the server kept, and the one the device typed. */
  serverValue: jsonSchema,
  incomingValue: jsonSchema,
  createdAt: instantSchema,
  /** Null until resolved. */
  resolvedValue: jsonSchema,
  resolvedAt: instantSchema.nullable(),
  resolvedVersion: z.number().int().min(1).nullable(),
});
export type PullConflictData = z.infer<typeof pullConflictDataSchema>;

/**
 * What a client reads of a task: the same schema, every field but `recordId` allowed to be absent
 * (a client needs only the record and the comment, and must not drop a correction for a field it
 * does not use). A field that is there must have its type.
 */
export const taskReaderSchema = pullTaskDataSchema.partial().required({ recordId: true });
/** What a client reads of a conflict, on the same terms as `taskReaderSchema`. */
export const conflictReaderSchema = pullConflictDataSchema.partial().required({ recordId: true });
