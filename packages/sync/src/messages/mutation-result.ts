import { z } from 'zod';
import { jsonSchema } from '../json';
import { wireLimits } from '../limits';
import { fieldPathSchema, issueSchema, uuidSchema } from './common';

/**
 * Why the server refused one mutation. A rejection consumes the mutation id (docs/architecture.md §4): the
 * tablet shows it and moves on; the server keeps the input in quarantine.
 */
export const rejectionCodes = {
  /** The merged record fails `validateRecord` (issues listed). */
  validation_failed: 'validation_failed',
  /** Role or zone does not allow this record or village. */
  forbidden: 'forbidden',
  /** The server does not know this record type or schema version. */
  unsupported_record_type: 'unsupported_record_type',
  /** Patch or delete of an id the server never received. */
  unknown_record: 'unknown_record',
  /** Create or patch of a record deleted on the server. */
  record_deleted: 'record_deleted',
  /** Create of an id the server has with different content. */
  record_exists: 'record_exists',
  /** `recordType` differs from the stored record's type. */
  type_mismatch: 'type_mismatch',
  /** A patch touches `id` or `type`, which never change. */
  immutable_path: 'immutable_path',
  /** `baseVersion` above the server's version: the server never issued it (restore?). */
  invalid_base_version: 'invalid_base_version',
  /** Delete from an old version while another device changed the record since. */
  stale_delete: 'stale_delete',
} as const;
export type RejectionCode = keyof typeof rejectionCodes;

/** A field queued for the supervisor: the server kept its value, the incoming one waits beside. */
export const conflictSummarySchema = z.object({ path: fieldPathSchema });

const accepted = {
  mutationId: z.number().int().min(1),
  recordId: uuidSchema,
  /** The record's server version after this mutation (the next `baseVersion`). */
  version: z.number().int().min(1),
  /** Validation warnings of the resulting record, flagged for the supervisor. */
  warnings: z.array(issueSchema).optional(),
};

/**
 * The server's answer for one mutation. `applied`: made from the current version. `merged`: made
 * from an older version and combined with changes made since. `duplicate`: nothing to do, the
 * server already had these values. `conflict_queued`: some paths wait for a supervisor (the other
 * changes, `appliedPaths`, were applied). `rejected`: nothing applied, see `error`.
 */
export const mutationResultSchema = z.discriminatedUnion('outcome', [
  z.object({ ...accepted, outcome: z.literal('applied') }),
  z.object({ ...accepted, outcome: z.literal('merged') }),
  z.object({ ...accepted, outcome: z.literal('duplicate') }),
  z.object({
    ...accepted,
    outcome: z.literal('conflict_queued'),
    conflictPaths: z.array(fieldPathSchema).min(1),
    appliedPaths: z.array(fieldPathSchema),
  }),
  z.object({
    mutationId: z.number().int().min(1),
    recordId: uuidSchema,
    outcome: z.literal('rejected'),
    error: z.object({
      code: z.enum(Object.keys(rejectionCodes) as [RejectionCode, ...RejectionCode[]]),
      /** French, for the user. */
      message: z.string().max(wireLimits.maxMessageLength),
      /** Validation errors and warnings when `code` is `validation_failed`. */
      issues: z.array(issueSchema).optional(),
      details: z.record(z.string(), jsonSchema).optional(),
    }),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
/** The five outcomes. */
export const mutationOutcomes = [
  'applied',
  'merged',
  'duplicate',
  'conflict_queued',
  'rejected',
] as const;
export type MutationOutcome = (typeof mutationOutcomes)[number];
