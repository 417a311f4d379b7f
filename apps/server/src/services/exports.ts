import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { recordTypeDescriptor, type RecordType } from '@jigi/domain';
import type { Json } from '@jigi/sync';
import type { RecordFilter, RecordRow } from '../storage/rows';
import { recordPages } from './record-pages';
import type { Deps } from './deps';
import { csvLine } from './csv';

/**
 * A record type's child tables (keyed lists exported as their own tables, keyed by the parent's id)
 * and that key, from its module descriptor.
 */
export function childTables(type: RecordType): string[] {
  return (recordTypeDescriptor(type)?.exports ?? []).filter((t) => t.id !== '').map((t) => t.id);
}

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** The parent key column of a type's child tables (a ciblage roster is keyed by household id). */
export function parentKey(type: RecordType): string {
  const child = recordTypeDescriptor(type)?.exports.find((t) => t.id !== '');
  return child?.parentKey ?? 'recordId';
}

/** Nested objects become dotted columns; lists of values are joined with `|`. */
function flatten(value: Json, prefix: string, out: Row, skip: readonly string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (prefix === '' && skip.includes(key)) continue;
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, out, skip);
    }
    return;
  }
  if (Array.isArray(value)) {
    out[prefix] = value
      .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
      .join('|');
    return;
  }
  out[prefix] = value;
}

function rowsOf(
  record: RecordRow,
  type: RecordType,
  table: string | undefined,
  villageNames: ReadonlyMap<string, { name: string; demo: boolean }>,
): Row[] {
  const village = villageNames.get(record.villageId);
  if (table === undefined) {
    const row: Row = {
      recordId: record.id,
      villageId: record.villageId,
      villageName: village?.name ?? null,
      demo: village?.demo ?? null,
      reviewStatus: record.reviewStatus,
      version: record.version,
      warningCount: record.warnings.length,
      createdBy: record.createdBy,
      receivedAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
    flatten(record.data, '', row, childTables(type));
    return [row];
  }
  const children = record.data[table];
  if (!Array.isArray(children)) return [];
  return children.map((child) => {
    const row: Row = { [parentKey(type)]: record.id, villageId: record.villageId };
    flatten(child, '', row, []);
    return row;
  });
}

/**
 * One table of one record type as rows, streamed: a first pass collects the columns (records of
 * several schema versions may differ), the second yields the rows. Both passes page through storage.
 */
export async function* exportRows(
  deps: Deps,
  filter: RecordFilter & { type: RecordType },
  table: string | undefined,
): AsyncGenerator<Cell[] | string[]> {
  const villages = new Map(
    (await deps.store.read((tx) => tx.reference.listVillages())).map((v) => [
      v.id,
      { name: v.name, demo: v.data['demo'] === true },
    ]),
  );
  // The fixed columns come first and are there even when nothing matches the filter.
  const columns: string[] =
    table === undefined
      ? [
          'recordId',
          'villageId',
          'villageName',
          'demo',
          'reviewStatus',
          'version',
          'warningCount',
          'createdBy',
          'receivedAt',
          'updatedAt',
        ]
      : [parentKey(filter.type), 'villageId'];
  const seen = new Set<string>(columns);
  for await (const record of recordPages(deps.store, filter)) {
    for (const row of rowsOf(record, filter.type, table, villages)) {
      for (const key of Object.keys(row))
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
    }
  }
  yield columns;
  for await (const record of recordPages(deps.store, filter)) {
    for (const row of rowsOf(record, filter.type, table, villages))
      yield columns.map((c) => row[c] ?? null);
  }
}

/** CSV (UTF-8 with BOM) as a stream. */
export function csvStream(rows: AsyncIterable<Cell[] | string[]>): Readable {
  return Readable.from(
    (async function* () {
      yield '\uFEFF';
      for await (const row of rows) yield csvLine(row);
    })(),
  );
}

/** An XLSX workbook, one sheet per table, written as a stream (exceljs streaming writer). */
export function xlsxStream(
  sheets: readonly { name: string; rows: AsyncIterable<Cell[] | string[]> }[],
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  void (async () => {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
      for await (const row of sheet.rows) worksheet.addRow(row).commit();
      worksheet.commit();
      // Yield to the event loop between sheets so other requests are served.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** The villages of the list (all when undefined) that are not demo villages: a real export. */
export async function withoutDemoVillages(
  deps: Deps,
  villageIds: readonly string[] | undefined,
): Promise<string[]> {
  const villages = await deps.store.read((tx) => tx.reference.listVillages());
  const real = new Set(villages.filter((v) => v.data['demo'] !== true).map((v) => v.id));
  return (villageIds ?? [...real]).filter((id) => real.has(id));
}

/** Every export is written to the audit log: household data leaving the system. */
export function auditExport(
  deps: Deps,
  e: { userId: string; format: string; type: string; details: Record<string, Json> },
): Promise<void> {
  return deps.store.write((tx) =>
    tx.audit.append({
      at: deps.now().toISOString(),
      userId: e.userId,
      action: `export.${e.format}`,
      entity: 'records',
      entityId: e.type,
      details: e.details,
    }),
  );
}
