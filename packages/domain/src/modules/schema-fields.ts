import type { z } from 'zod';
import { labelsOfSchema } from '../common/labelled-enum';
import { fcfaSchema } from '../common/primitives';
import type { ExportValueKind } from './module-descriptor';

// A record schema read as a list of fields: what export columns and value labels are made from, so
// that a field added to a schema is exported and labelled with no second list to edit.

type Schema = z.core.$ZodType;

/** One value a record can hold: its path of object keys, and whether it is a list of values. */
export interface SchemaLeaf {
  readonly path: readonly string[];
  readonly schema: Schema;
  readonly many: boolean;
}

/** Through optional, nullable, default and pipe wrappers to the schema of the value. */
export function unwrapSchema(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'optional') s = (def as z.core.$ZodOptionalDef).innerType;
    else if (def.type === 'nullable') s = (def as z.core.$ZodNullableDef).innerType;
    else if (def.type === 'default') s = (def as z.core.$ZodDefaultDef).innerType;
    else if (def.type === 'pipe') s = (def as z.core.$ZodPipeDef).in;
    else return s;
  }
}

function shapeOf(schema: Schema): Readonly<Record<string, Schema>> | undefined {
  const def = schema._zod.def;
  return def.type === 'object' ? (def as z.core.$ZodObjectDef).shape : undefined;
}

function elementOf(schema: Schema): Schema | undefined {
  const def = schema._zod.def;
  return def.type === 'array' ? unwrapSchema((def as z.core.$ZodArrayDef).element) : undefined;
}

/** Whether a field holds a keyed list: an array of objects that each carry an `id`. */
export function isKeyedList(schema: Schema): boolean {
  const element = elementOf(unwrapSchema(schema));
  return element !== undefined && shapeOf(element)?.['id'] !== undefined;
}

/** The item schema of a keyed list field. */
export function keyedListItem(schema: Schema): Schema | undefined {
  return isKeyedList(schema) ? elementOf(unwrapSchema(schema)) : undefined;
}

/**
 * The leaves of an object schema in declaration order, nested objects walked into (`dwelling.wall`).
 * Fields in `skip` (top level only) are left out: a record's keyed lists are exported as their own tables.
 */
export function schemaLeaves(schema: Schema, skip: readonly string[] = []): SchemaLeaf[] {
  const out: SchemaLeaf[] = [];
  const walk = (s: Schema, path: readonly string[]) => {
    const inner = unwrapSchema(s);
    const shape = shapeOf(inner);
    if (shape !== undefined) {
      for (const [key, child] of Object.entries(shape))
        if (path.length > 0 || !skip.includes(key)) walk(child, [...path, key]);
      return;
    }
    const element = elementOf(inner);
    out.push({ path, schema: element ?? inner, many: element !== undefined });
  };
  walk(schema, []);
  return out;
}

/**
 * What a leaf schema holds, for a spreadsheet: an ISO date or instant, an amount of FCFA (the one
 * money schema), another number, a yes/no, else text (codes included: their labels are text).
 */
export function valueKindOf(leaf: Schema): ExportValueKind {
  const inner = unwrapSchema(leaf);
  if (inner === fcfaSchema) return 'fcfa';
  const def = inner._zod.def as { type: string; format?: string };
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'string' && def.format === 'date') return 'date';
  if (def.type === 'string' && def.format === 'datetime') return 'datetime';
  return 'text';
}

/** Top-level keyed list fields of a record schema (`members`, `children`…), in declaration order. */
export function keyedLists(schema: Schema): string[] {
  const shape = shapeOf(unwrapSchema(schema)) ?? {};
  return Object.entries(shape)
    .filter(([, child]) => isKeyedList(child))
    .map(([key]) => key);
}

/**
 * French labels of every coded field of a record schema, by field name, lists' items included. Two
 * fields of one record with the same name and different option lists would make a name ambiguous:
 * they are returned in `conflicts` (a test keeps it empty).
 */
export function codedFieldLabels(schema: Schema): {
  labels: Record<string, Readonly<Record<string, string>>>;
  conflicts: string[];
} {
  const labels: Record<string, Readonly<Record<string, string>>> = {};
  const conflicts: string[] = [];
  const visit = (s: Schema, name: string | undefined) => {
    const inner = unwrapSchema(s);
    const shape = shapeOf(inner);
    if (shape !== undefined) {
      for (const [key, child] of Object.entries(shape)) visit(child, key);
      return;
    }
    const element = elementOf(inner);
    if (element !== undefined) {
      visit(element, name);
      return;
    }
    const found = labelsOfSchema(inner);
    if (found === undefined || name === undefined) return;
    const known = labels[name];
    if (known !== undefined && known !== found) conflicts.push(name);
    else labels[name] = found;
  };
  visit(schema, undefined);
  return { labels, conflicts };
}
