import ExcelJS from 'exceljs';
import { searchKey } from '@jigi/domain';
import { AppError } from '../errors/app-error';
import { parseCsv } from './csv';

// A file an administrator made in a spreadsheet, read as a table: CSV (`,` or `;`) or XLSX (first
// sheet). Line numbers are the spreadsheet's own (the header is line 1), so an error points at the
// line the person sees.

export type TableRow = { line: number; cells: Record<string, string> };
export type Table = { header: string[]; rows: TableRow[] };

/** XLSX (a zip) begins with `PK\x03\x04`. */
const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

/**
 * The table, its column names mapped to canonical ones by `aliases` (compared ignoring case, accents
 * and spaces: « Nom du village », « nom »). Unknown columns are kept under their own name.
 */
export async function readTable(
  file: string | Buffer,
  aliases: Readonly<Record<string, readonly string[]>>,
): Promise<Table> {
  const raw =
    typeof file !== 'string' && isZip(file)
      ? await readXlsx(file)
      : csvTable(typeof file === 'string' ? file : decodeUtf8(file));
  const canonical = new Map<string, string>();
  for (const [name, names] of Object.entries(aliases))
    for (const n of [name, ...names]) canonical.set(key(n), name);
  const header = raw.header.map((h) => canonical.get(key(h)) ?? h.trim());
  return {
    header,
    rows: raw.rows.map(({ line, values }) => ({
      line,
      cells: Object.fromEntries(header.map((name, i) => [name, (values[i] ?? '').trim()])),
    })),
  };
}

const key = (s: string) => searchKey(s).replace(/[^a-z0-9]/g, '');

type RawTable = { header: string[]; rows: { line: number; values: string[] }[] };

function csvTable(text: string): RawTable {
  const [header = [], ...lines] = parseCsv(text);
  return { header, rows: lines.map((values, i) => ({ line: i + 2, values })) };
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e: unknown) {
    throw new AppError('import_unreadable_file', {
      message:
        'Le fichier n’est ni un classeur Excel (.xlsx) ni un CSV en UTF-8 : enregistrez-le sous l’un de ces formats.',
      cause: e,
    });
  }
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e: unknown) {
    throw new AppError('import_unreadable_file', {
      message: 'Le classeur Excel est illisible ou abîmé : enregistrez-le de nouveau (.xlsx).',
      cause: e,
    });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { header: [], rows: [] };
  const rows: RawTable['rows'] = [];
  let header: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    // eachCell skips the columns before the first filled one: their holes become empty cells.
    const filled = Array.from(values as (string | undefined)[], (v) => v ?? '');
    if (header === undefined) header = filled;
    else if (filled.some((v) => v.trim() !== '')) rows.push({ line, values: filled });
  });
  return { header: header ?? [], rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return value.text;
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
