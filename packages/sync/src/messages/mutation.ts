import { z } from 'zod';
import { jsonObjectSchema, jsonSchema } from '../json';
import { wireLimits } from '../limits';
import { fieldPathSchema, instantSchema, uuidSchema } from './common';

/**
 * The record type. A plain string on the wire so that an older server answers `rejected`
 * (`unsupported_record_type`) for a type it does not know instead of failing the whole push.
 */
export const recordTypeNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(64);

const mutationBase = {
  /** Per device, ascending, from 1, without gaps (docs/architecture.md §4). */
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
export const patchChangesSchema = z.record(fieldPathSchema, jsonSchema).refine((changes) => {
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

/** A create carries the record it names. */
const namesItsRecord = (m: {
  op: string;
  recordId: string;
  recordType: string;
  record?: Record<string, unknown>;
}): boolean =>
  m.op !== 'create' || (m.record?.['id'] === m.recordId && m.record['type'] === m.recordType);
const namesItsRecordError = {
  error: 'record.id and record.type must equal recordId and recordType',
  path: ['record'],
};

/** One change of one record, made on a device; the unit of exactly-once delivery. */
export const mutationSchema = z
  .discriminatedUnion('op', [createMutationSchema, patchMutationSchema, deleteMutationSchema])
  .refine(namesItsRecord, namesItsRecordError);

/**
 * `mutationSchema` for a mutation whose values are JSON already (it came from JSON.parse, or was
 * built by the forms for JSON.stringify): a create's record is checked as an object of fields, not
 * walked value by value — its domain schema parses each field next, and the generic walk cost as much
 * as a fifth of that. Same rules otherwise, same messages. Not a wire schema of its own.
 */
export const parsedMutationSchema = z
  .discriminatedUnion('op', [
    createMutationSchema.extend({ record: z.record(z.string(), z.unknown()) }),
    patchMutationSchema,
    deleteMutationSchema,
  ])
  .refine(namesItsRecord, namesItsRecordError);
export type Mutation = z.infer<typeof mutationSchema>;
export type CreateMutation = z.infer<typeof createMutationSchema>;
export type PatchMutation = z.infer<typeof patchMutationSchema>;
export type DeleteMutation = z.infer<typeof deleteMutationSchema>;
/** `{ path: value | null }`. */
export type PatchChanges = z.infer<typeof patchChangesSchema>;
