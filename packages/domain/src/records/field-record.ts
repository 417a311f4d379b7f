import { z } from 'zod';
import { recordTypeDescriptors, type AnyRecordTypeDescriptor } from '../modules/registry';

// The union of every record type, built from the module registry: a new module's records join it
// with no edit here.

type AnySchema = AnyRecordTypeDescriptor['schema'];

/** The name of a record type (`recordTypes` lists them). */
export type RecordType = AnyRecordTypeDescriptor['type'];

/** Every record type synced from devices, module by module (docs/architecture.md §1). */
export const recordTypes = recordTypeDescriptors.map((d) => d.type) as [
  RecordType,
  ...RecordType[],
];

/** Type guard for a record type name. */
export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (recordTypes as readonly string[]).includes(value);
}

/** Schema of each record type at its current schemaVersion. */
export const recordSchemas = Object.fromEntries(
  recordTypeDescriptors.map((d) => [d.type, d.schema]),
) as { readonly [D in AnyRecordTypeDescriptor as D['type']]: D['schema'] };

/** Any record at its current version, discriminated by `type`. */
export const fieldRecordSchema = z.discriminatedUnion(
  'type',
  recordTypeDescriptors.map((d) => d.schema) as unknown as [AnySchema, ...AnySchema[]],
);
export type FieldRecord = z.infer<typeof fieldRecordSchema>;
/** The record of one type. */
export type RecordOf<T extends RecordType> = Extract<FieldRecord, { type: T }>;

/** Current schemaVersion of each type; a device writes this, older ones are migrated. */
export const currentSchemaVersions = Object.fromEntries(
  recordTypeDescriptors.map((d) => [d.type, d.schema.shape.schemaVersion.value]),
) as { [T in RecordType]: RecordOf<T>['schemaVersion'] };
