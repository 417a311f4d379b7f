import { recordTypes } from '@jigi/domain';
import { issueSchema, jsonObjectSchema, jsonSchema, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { idSchema, isoDaySchema, reviewStatusSchema } from './common';

// Supervisor review (docs/decisions.md §3.9): batches, records, decisions, conflicts, duplicates.
// Requests are what the server validates; responses are what it sends and the console parses.

// ── batches ──────────────────────────────────────────────────────────────────────────────────────

/** `GET /api/review/batches?zone&userId&from&to&recordType&status&limit&offset` */
export const batchListQuerySchema = z.object({
  zone: idSchema.optional(),
  userId: idSchema.optional(),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  recordType: z.enum(recordTypes).optional(),
  status: reviewStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type BatchListQuery = z.input<typeof batchListQuerySchema>;

/** One accepted push, with who sent it from which tablet (by the tablet's name). */
export const batchSchema = z.object({
  number: z.number().int(),
  batchId: z.string(),
  deviceId: z.string(),
  /** The tablet's name, as the back office shows it (« Tablette de Awa Traoré n° 2 »). */
  deviceLabel: z.string(),
  userId: z.string(),
  userName: z.string(),
  receivedAt: z.string(),
  clientTime: z.string(),
  clockOffsetMs: z.number().int(),
  /** Records per record type. */
  counts: z.record(z.string(), z.number().int()),
  villages: z.array(z.string()),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchListResponseSchema = z.object({
  rows: z.array(
    batchSchema.extend({
      /** Records of the batch per review status. */
      statusCounts: z.record(z.string(), z.number().int()),
    }),
  ),
  total: z.number().int(),
});
export type BatchListResponse = z.infer<typeof batchListResponseSchema>;
export type BatchListRow = BatchListResponse['rows'][number];

export const batchParamsSchema = z.object({ batchNumber: z.coerce.number().int().min(1) });

/** A record of a batch with its current data (the batch may have been edited since). */
export const batchRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  villageId: z.string(),
  version: z.number().int(),
  reviewStatus: reviewStatusSchema,
  deleted: z.boolean(),
  warningCount: z.number().int().min(0),
  updatedAt: z.string(),
  data: jsonObjectSchema,
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;

/** `GET /api/review/batches/:batchNumber`: the batch, its records in the caller's villages, its refusals. */
export const batchDetailResponseSchema = z.object({
  batch: batchSchema,
  records: z.array(batchRecordSchema),
  /** Mutations of this push the server refused (kept in quarantine with the reason). */
  rejected: z.array(
    z.object({ mutationId: z.number().int(), reasonCode: z.string(), reason: jsonSchema }),
  ),
});
export type BatchDetailResponse = z.infer<typeof batchDetailResponseSchema>;

// ── records ──────────────────────────────────────────────────────────────────────────────────────

export const recordParamsSchema = z.object({ recordId: idSchema });

/** One record as the review API shows it: the stored JSON plus its review metadata. */
export const reviewRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  villageId: z.string(),
  version: z.number().int(),
  data: jsonObjectSchema,
  reviewStatus: reviewStatusSchema,
  warnings: z.array(issueSchema),
  createdBy: z.string(),
  createdByName: z.string(),
  deviceId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean(),
  /** Per field path: the version and device that last wrote it (the merge's bookkeeping). */
  fieldVersions: z.record(z.string(), z.object({ by: z.string(), version: z.number().int() })),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

/**
 * One stored version. `changes` is the whole record for a create, `{ path: value | null }` for a
 * patch (only the paths that applied), null for a delete; `overwritten` holds the values it replaced.
 */
export const recordVersionSchema = z.object({
  recordId: z.string(),
  version: z.number().int(),
  /** The tablet's mutation that made it (null: a supervisor's resolution). */
  mutationId: z.number().int().nullable(),
  op: z.string(),
  changes: jsonSchema.nullable(),
  overwritten: jsonSchema.nullable().optional(),
  /** A device id, or `user:<id>` for a supervisor's resolution. */
  actor: z.string(),
  userId: z.string().nullable(),
  /** Present when `userId` is. */
  userName: z.string().optional(),
  deviceId: z.string().nullable(),
  /** The tablet's name (« Tablette de Awa Traoré n° 2 »; null: a supervisor's resolution). */
  deviceLabel: z.string().nullable(),
  serverTime: z.string(),
  clientTime: z.string().nullable().optional(),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const reviewDecisionSchema = z.object({
  version: z.number().int(),
  decision: z.string(),
  comment: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  at: z.string(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** `GET /api/review/records/:recordId` */
export const recordDetailResponseSchema = z.object({
  record: reviewRecordSchema,
  versions: z.array(recordVersionSchema),
  decisions: z.array(reviewDecisionSchema),
  /** Critical fields waiting for the supervisor's arbitration. */
  openConflictPaths: z.array(z.string()),
  /** Corrections asked and not yet made by the agent. */
  openTasks: z.array(z.object({ id: z.string(), comment: z.string(), createdAt: z.string() })),
});
export type RecordDetailResponse = z.infer<typeof recordDetailResponseSchema>;

// ── decisions ────────────────────────────────────────────────────────────────────────────────────

export const decisionKinds = ['approve', 'return', 'reject'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** `POST /api/review/records/:recordId/decision` */
export const decisionBodySchema = z.object({
  decision: z.enum(decisionKinds),
  comment: z.string().trim().max(wireLimits.maxMessageLength).optional(),
});
/** `POST /api/review/decisions`: all or nothing. */
export const bulkDecisionBodySchema = decisionBodySchema.extend({
  recordIds: z.array(idSchema).min(1).max(500),
});

export const decisionOutcomeSchema = z.object({
  recordId: z.string(),
  reviewStatus: reviewStatusSchema,
  /** The correction task sent to the agent's tablet (a return). */
  taskId: z.string().optional(),
});
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;
export const bulkDecisionResponseSchema = z.object({ results: z.array(decisionOutcomeSchema) });

// ── conflicts ────────────────────────────────────────────────────────────────────────────────────

/** `GET /api/review/conflicts?status&zone` */
export const conflictListQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  zone: idSchema.optional(),
});
export const conflictParamsSchema = z.object({ conflictId: idSchema });

/** A same-field conflict on a critical path, waiting for the supervisor (docs/decisions.md §3.5). */
export const conflictSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  path: z.string(),
  serverValue: jsonSchema,
  incomingValue: jsonSchema,
  baseVersion: z.number().int(),
  serverVersion: z.number().int(),
  /** The device that wrote the server's value (null: a supervisor's resolution). */
  serverBy: z.string().nullable(),
  deviceId: z.string(),
  userId: z.string(),
  mutationId: z.number().int(),
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedValue: jsonSchema,
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedVersion: z.number().int().nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictListResponseSchema = z.object({ conflicts: z.array(conflictSchema) });

const conflictSideSchema = z.object({
  value: jsonSchema,
  deviceId: z.string().nullable(),
  /** The tablet's name (« Tablette de Awa Traoré n° 2 »; null: a supervisor's resolution). */
  deviceLabel: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string().nullable(),
});

/** `GET /api/review/conflicts/:conflictId`: both values with who and when, and where both started. */
export const conflictDetailResponseSchema = z.object({
  conflict: conflictSchema,
  record: z.object({
    id: z.string(),
    type: z.string(),
    villageId: z.string(),
    version: z.number().int(),
  }),
  server: conflictSideSchema.extend({ version: z.number().int() }),
  incoming: conflictSideSchema.extend({ mutationId: z.number().int() }),
  base: z.object({ version: z.number().int(), value: jsonSchema }),
});
export type ConflictDetailResponse = z.infer<typeof conflictDetailResponseSchema>;

/** `POST /api/review/conflicts/:conflictId/resolve`: a side, or a typed value (`null` removes). */
export const resolutionBodySchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('server') }),
  z.object({ choice: z.literal('incoming') }),
  z.object({ choice: z.literal('value'), value: jsonSchema }),
]);
export type Resolution = z.infer<typeof resolutionBodySchema>;
export const resolutionResponseSchema = z.object({
  conflictId: z.string(),
  version: z.number().int(),
});

// ── duplicates ───────────────────────────────────────────────────────────────────────────────────

/** `GET /api/review/duplicates?zone` */
export const duplicateListQuerySchema = z.object({ zone: idSchema.optional() });

/** Ciblage households of one village with the same normalised head name and the same phone or NINA. */
export const duplicateCandidateSchema = z.object({
  villageId: z.string(),
  headNameKey: z.string(),
  /** What else matched: `phone`, `nina` or both (a group is listed once). */
  reasons: z.array(z.string()).min(1),
  recordIds: z.array(z.string()).min(2),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export const duplicateListResponseSchema = z.object({
  candidates: z.array(duplicateCandidateSchema),
});

const duplicateGroupSchema = z.array(idSchema).min(2).max(50);
/** `POST /api/review/duplicates/resolve`: keep both, or keep one and reject the others. */
export const duplicateResolutionBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep_both'), recordIds: duplicateGroupSchema }),
  z.object({ action: z.literal('merge'), recordIds: duplicateGroupSchema, keepRecordId: idSchema }),
]);
export type DuplicateResolution = z.infer<typeof duplicateResolutionBodySchema>;
export const duplicateResolutionResponseSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep_both'), recordIds: z.array(z.string()) }),
  z.object({
    action: z.literal('merge'),
    keepRecordId: z.string(),
    results: z.array(decisionOutcomeSchema),
  }),
]);
