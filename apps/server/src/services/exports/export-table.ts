import {
  migrateRecord,
  recordTableFixedColumns,
  recordTypeDescriptor,
  type ExportColumn,
  type ExportTable,
} from '@jigi/domain';
import type { Json, JsonObject } from '@jigi/sync';
import type { RecordRow } from '../../storage/rows';

// A record as the lines of one export table: a value per column of the module descriptor's table, in
// its order, as stored (codes, ISO dates, numbers); the writers format them. Every record is first
// brought to the current schema version, so records stored before a form changed line up with the
// columns of today's form.

/** What a value outside the schema is exported under (nothing stored is left out of an export). */
export const otherValuesColumn: ExportColumn = {
  key: 'otherValues',
  header: 'Autres valeurs (JSON)',
  kind: 'text',
};

/** The village's name and whether it is a demo village, for the record table's fixed columns. */
export type VillageNames = ReadonlyMap<string, { name: string; demo: boolean }>;

/** One table of an export: its descriptor table, the columns written (others last) and how to fill them. */
export interface ExportSheet {
  readonly table: ExportTable;
  readonly columns: readonly ExportColumn[];
  readonly linesOf: (record: RecordRow, villages: VillageNames) => Json[][];
}

/** The record table (`''`) or a child table of a record type; undefined when it has no such table. */
export function exportSheet(type: string, tableId: string): ExportSheet | undefined {
  const table = recordTypeDescriptor(type)?.exports.find((t) => t.id === tableId);
  if (table === undefined) return undefined;
  const columns = [...table.columns, otherValuesColumn];
  const known = new Set(table.columns.map((c) => c.key));
  const dataColumns = table.columns.slice(tableId === '' ? recordTableFixedColumns.length : 2);
  const childLists = (recordTypeDescriptor(type)?.exports ?? []).flatMap((t) =>
    t.id === '' ? [] : [t.id],
  );
  const valuesOf = (data: JsonObject, skip: readonly string[]): Json[] => {
    const leaves = new Map<string, Json>();
    flatten(data, '', leaves, skip);
    const line = dataColumns.map((c) => leaves.get(c.key) ?? null);
    const others: JsonObject = {};
    for (const [key, value] of leaves) if (!known.has(key) && value !== null) others[key] = value;
    line.push(Object.keys(others).length === 0 ? null : JSON.stringify(others));
    return line;
  };
  return {
    table,
    columns,
    linesOf: (record, villages) => {
      const data = currentData(record.data);
      if (tableId === '') {
        const village = villages.get(record.villageId);
        return [
          [
            record.id,
            record.villageId,
            village?.name ?? null,
            village?.demo ?? null,
            record.reviewStatus,
            record.version,
            record.warnings.length,
            record.createdBy,
            record.createdAt,
            record.updatedAt,
            ...valuesOf(data, childLists),
          ],
        ];
      }
      const items = data[tableId];
      if (!Array.isArray(items)) return [];
      return items.map((item) => [
        record.id,
        record.villageId,
        ...valuesOf(isObject(item) ? item : { value: item }, []),
      ]);
    },
  };
}

/** The record at its type's current schema version; as stored when it cannot be migrated. */
function currentData(data: JsonObject): JsonObject {
  const migrated = migrateRecord(data);
  return migrated.ok ? (migrated.record as unknown as JsonObject) : data;
}

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Nested objects become dotted paths (`dwelling.wall`); a list is one value; `skip`: top-level keys. */
function flatten(
  value: Json,
  prefix: string,
  out: Map<string, Json>,
  skip: readonly string[],
): void {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (prefix === '' && skip.includes(key)) continue;
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, out, skip);
    }
    return;
  }
  out.set(prefix, value);
}
