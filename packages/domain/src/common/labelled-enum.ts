import { z } from 'zod';

// The labels of each enum schema made here, so that anything walking a record schema (export columns,
// value labels) finds the French label of a code from the schema itself, with no list to keep in step.
const labelsBySchema = new WeakMap<object, Readonly<Record<string, string>>>();

/**
 * A closed list of codes with their French labels. The codes are stored (ASCII, stable), the labels
 * are shown; keeping both in one `as const` object means a new option cannot be added without a label.
 */
export function labelledEnum<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  const schema = z.enum(codes);
  labelsBySchema.set(schema, labels);
  return { labels, codes, schema };
}

/** Gives an enum schema made elsewhere its French labels (see {@link labelsOfSchema}). */
export function withLabels<S extends z.ZodEnum>(
  schema: S,
  labels: Readonly<Record<S['options'][number], string>>,
): S {
  labelsBySchema.set(schema, labels);
  return schema;
}

/** The French labels of an enum schema's codes, when it was made by {@link labelledEnum}. */
export function labelsOfSchema(schema: object): Readonly<Record<string, string>> | undefined {
  return labelsBySchema.get(schema);
}
