import { recordTypeDescriptors, recordTypesWritableBy } from '@jigi/domain';
import { userRoles } from '@jigi/sync';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * `components.schemas` of the OpenAPI document: each record type's JSON Schema generated from its
 * zod schema (what a create's `record` and a pulled record's `data` hold), with the paths whose
 * concurrent edits go to a supervisor (`x-critical-paths`) and the roles whose tablets may push it
 * (`x-writable-by`); `AnyRecord` is their union on `type`. The wire schemas type a record as an
 * object because an older server must answer `unsupported_record_type` for a newer type, not fail
 * the push: these components say what each known type must be.
 */
export function recordComponents(): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const d of recordTypeDescriptors) {
    components[`record.${d.type}`] = {
      ...z.toJSONSchema(d.schema, { io: 'input', unrepresentable: 'any' }),
      description: d.label,
      'x-critical-paths': [...d.criticalPaths],
      'x-writable-by': userRoles.filter((role) =>
        (recordTypesWritableBy(role) as readonly string[]).includes(d.type),
      ),
    };
  }
  components['AnyRecord'] = {
    description:
      'Une fiche de n’importe quel type connu de ce serveur, selon `type` (voir docs/api.md).',
    oneOf: recordTypeDescriptors.map((d) => ({ $ref: `#/components/schemas/record.${d.type}` })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        recordTypeDescriptors.map((d) => [d.type, `#/components/schemas/record.${d.type}`]),
      ),
    },
  };
  return components;
}

/**
 * Marks, inside a generated schema, the object properties named `key` (a create's `record`, a pulled
 * record's `data`) with the record components they hold, without making the wire schema stricter.
 */
export function pointAtRecords(schema: JsonSchema, key: string): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && typeof v === 'object' && v !== null) {
        out[k] = Object.fromEntries(
          Object.entries(v as JsonSchema).map(([name, prop]) => [
            name,
            name === key && typeof prop === 'object' && prop !== null
              ? {
                  ...(walk(prop) as JsonSchema),
                  description:
                    'Le contenu d’une fiche : un des types de #/components/schemas/AnyRecord.',
                  'x-record-schema': { $ref: '#/components/schemas/AnyRecord' },
                }
              : walk(prop),
          ]),
        );
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}
