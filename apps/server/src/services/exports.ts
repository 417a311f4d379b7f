import { Readable } from 'node:stream';
import type { ExportLabelMode } from '@jigi/contract';
import { recordTypeDescriptor, type RecordType } from '@jigi/domain';
import type { Json } from '@jigi/sync';
import type { RecordFilter } from '../storage/rows';
import type { Deps } from './deps';
import { csvBom, csvLine } from './exports/csv-writer';
import { exportSheet, type ExportSheet, type VillageNames } from './exports/export-table';
import { columnHeader, csvValue, sheetName, xlsxValue } from './exports/export-values';
import { xlsxStream } from './exports/xlsx-writer';
import { recordPages } from './record-pages';

// Exports stream: records are read a page per read transaction (record-pages.ts) as the client takes
// the file, so an export of 100 000 households holds a page of records and a few buffers in memory,
// never the whole result (bench/src/export-memory measures the server's resident memory).

/** A record type's child tables (keyed lists exported as their own tables), from its descriptor. */
export function childTables(type: RecordType): string[] {
  return (recordTypeDescriptor(type)?.exports ?? []).filter((t) => t.id !== '').map((t) => t.id);
}

export type ExportFilter = RecordFilter & { type: RecordType };

async function villageNames(deps: Deps): Promise<VillageNames> {
  const villages = await deps.store.read((tx) => tx.reference.listVillages());
  return new Map(villages.map((v) => [v.id, { name: v.name, demo: v.data['demo'] === true }]));
}

function sheetOf(type: RecordType, tableId: string): ExportSheet {
  const sheet = exportSheet(type, tableId);
  if (sheet === undefined) throw new Error(`${type} has no export table "${tableId}"`);
  return sheet;
}

/** Records per read: small enough that a page dies young in V8's heap (record-pages.ts). */
const exportPageSize = 100;

/** The lines of one table, in record id order, as stored values (the writers format them). */
async function* tableLines(
  deps: Deps,
  filter: ExportFilter,
  sheet: ExportSheet,
  villages: VillageNames,
): AsyncGenerator<Json[]> {
  for await (const record of recordPages(deps.store, filter, exportPageSize))
    yield* sheet.linesOf(record, villages);
}

/** Lines are handed to the socket in chunks of about this many characters, not one by one. */
const csvChunk = 64 * 1024;

/** One table as CSV in French Excel's dialect (csv-writer.ts); `tableId` '' is the record table. */
export async function csvExport(
  deps: Deps,
  filter: ExportFilter,
  tableId: string,
  mode: ExportLabelMode,
): Promise<Readable> {
  const sheet = sheetOf(filter.type, tableId);
  const villages = await villageNames(deps);
  return Readable.from(
    (async function* () {
      let chunk = csvBom + csvLine(sheet.columns.map((c) => columnHeader(c, mode)));
      for await (const line of tableLines(deps, filter, sheet, villages)) {
        chunk += csvLine(sheet.columns.map((c, i) => csvValue(c, line[i] ?? null, mode)));
        if (chunk.length >= csvChunk) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    })(),
    { objectMode: false },
  );
}

/** Every table of the type, one sheet each, the record table first; cells typed (xlsx-writer.ts). */
export async function xlsxExport(
  deps: Deps,
  filter: ExportFilter,
  mode: ExportLabelMode,
): Promise<Readable> {
  const villages = await villageNames(deps);
  const sheets = ['', ...childTables(filter.type)].map((tableId) => {
    const sheet = sheetOf(filter.type, tableId);
    return {
      name: sheetName(sheet.table, filter.type, mode),
      columns: sheet.columns.map((c) => ({ header: columnHeader(c, mode), kind: c.kind })),
      rows: (async function* () {
        for await (const line of tableLines(deps, filter, sheet, villages))
          yield sheet.columns.map((c, i) => xlsxValue(c, line[i] ?? null, mode));
      })(),
    };
  });
  return xlsxStream(sheets);
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
