import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RecordType } from '@jigi/domain';
import type { Json } from '@jigi/sync';
import type { RecordFilter, RecordRow, Repository } from '../storage/repository';
import { csvLine } from './csv';

/** Keyed child arrays exported as their own tables (architecture §1), keyed by the parent's id. */
export const childTables: Record<RecordType, readonly string[]> = {
  ciblage_household: ['members'],
  ma_session: ['attendance'],
  pnp_enrolment: ['children', 'women'],
  himo_worker: [],
  himo_attendance: ['lines'],
  himo_payment: [],
};

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** The parent key column: a ciblage record is a household, so its roster is keyed by household id. */
export function parentKey(type: RecordType): string {
  return type === 'ciblage_household' ? 'householdId' : 'recordId';
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
    flatten(record.data, '', row, childTables[type]);
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
export function* exportRows(
  repo: Repository,
  filter: RecordFilter & { type: RecordType },
  table: string | undefined,
): Generator<Cell[] | string[]> {
  const villages = new Map(
    repo.listVillages().map((v) => [v.id, { name: v.name, demo: v.data['demo'] === true }]),
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
  for (const record of repo.listRecords(filter)) {
    for (const row of rowsOf(record, filter.type, table, villages)) {
      for (const key of Object.keys(row))
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
    }
  }
  yield columns;
  for (const record of repo.listRecords(filter)) {
    for (const row of rowsOf(record, filter.type, table, villages))
      yield columns.map((c) => row[c] ?? null);
  }
}

/** CSV (UTF-8 with BOM) as a stream. */
export function csvStream(rows: Iterable<Cell[] | string[]>): Readable {
  return Readable.from(
    (function* () {
      yield '\uFEFF';
      for (const row of rows) yield csvLine(row);
    })(),
  );
}

/** An XLSX workbook, one sheet per table, written as a stream (exceljs streaming writer). */
export function xlsxStream(
  sheets: readonly { name: string; rows: Iterable<Cell[] | string[]> }[],
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
      for (const row of sheet.rows) worksheet.addRow(row).commit();
      worksheet.commit();
      // Yield to the event loop between sheets so other requests are served.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
