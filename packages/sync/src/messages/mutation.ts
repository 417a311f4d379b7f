import { z } from 'zod';
import { jsonObjectSchema, jsonSchema } from '../json';
import { wireLimits } from '../limits';
import { fieldPathSchema, instantSchema, uuidSchema } from './common';

/**
 * The record type. A plain string on the wire so that an older server answers `rejected`
 * (`unsupported_record_type`) for a type it does not know instead of failing the whole push.
 */
export const recordTypeNameSchema = z.string().regex(/^[a-z][a-z0-9_]*$/).max(64);

const mutationBase = {
  /** Per device, ascending, from 1, without gaps (DESIGN.md §3.2). */
  mutationId: z.number().int().min(1),
  recordId: uuidSchema,
  recordType: recordTypeNameSchema,
  /** Device clock when the user made the change: audit and display only. */
  clientTime: instantSchema,
};

/** Create a record with its full content; `baseVersion` is always 0. */
export const createMutationSchema = z.object({
  ...mutationBase,
  op: z.literal('create'),
  baseVersion: z.literal(0),
  record: jsonObjectSchema,
});

/**
 * The changed field paths since `baseVersion` (the server version the tablet edited from). A value
 * of `null` removes the key, or the whole child for `members.<id>`.
 */
export const patchChangesSchema = z
  .record(fieldPathSchema, jsonSchema)
  .refine((changes) => {
    const count = Object.keys(changes).length;
    return count >= 1 && count <= wireLimits.maxChangesPerPatch;
  }, `between 1 and ${wireLimits.maxChangesPerPatch} changes`);

/** Change some fields of a record the server has. */
export const patchMutationSchema = z.object({
  ...mutationBase,
  op: z.literal('patch'),
  baseVersion: z.number().int().min(1),
  changes: patchChangesSchema,
});

/** Delete a record the server has (a tombstone; the server keeps the history). */
export const deleteMutationSchema = z.object({
  ...mutationBase,
  op: z.literal('delete'),
  baseVersion: z.number().int().min(1),
});

/** One change of one record, made on a device; the unit of exactly-once delivery. */
export const mutationSchema = z
  .discriminatedUnion('op', [createMutationSchema, patchMutationSchema, deleteMutationSchema])
  .refine(
    (m) => m.op !== 'create' || (m.record['id'] === m.recordId && m.record['type'] === m.recordType),
    { error: 'record.id and record.type must equal recordId and recordType', path: ['record'] },
  );
export type Mutation = z.infer<typeof mutationSchema>;
export type CreateMutation = z.infer<typeof createMutationSchema>;
export type PatchMutation = z.infer<typeof patchMutationSchema>;
export type DeleteMutation = z.infer<typeof deleteMutationSchema>;
/** `{ path: value | null }`. */
export type PatchChanges = z.infer<typeof patchChangesSchema>;
