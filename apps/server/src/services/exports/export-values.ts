import type { ExportLabelMode } from '@jigi/contract';
import type { ExportColumn, ExportTable } from '@jigi/domain';
import type { Json } from '@jigi/sync';
import { writableText } from './export-text';

// What a cell says in each label mode (`@jigi/contract` exportLabelModes, docs/exports.md): `fr` for
// people, `codes` for analysts' scripts, both in the same file dialect.

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A number as French Excel reads one: decimal comma, never an exponent. */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(20).replace(/\.?0+$/, '');
  return text.replace('.', ',');
}

/** `2026-03-12` → `12/03/2026`; an instant as Bamako's (UTC) `12/03/2026 14:05:09`. */
function frenchDate(value: string, kind: 'date' | 'datetime'): string {
  if (kind === 'date') {
    const m = isoDay.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const iso = at.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

function oneCsvValue(column: ExportColumn, value: Json, mode: ExportLabelMode): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean')
    return mode === 'fr' ? (value ? 'Oui' : 'Non') : value ? '1' : '0';
  if (typeof value === 'number') return frenchNumber(value);
  if (typeof value === 'object') return JSON.stringify(value);
  if (mode === 'codes') return value;
  const label = column.labels?.[value];
  if (label !== undefined) return label;
  return column.kind === 'date' || column.kind === 'datetime'
    ? frenchDate(value, column.kind)
    : value;
}

/** A stored value as the text of a CSV cell (the CSV writer neutralises and quotes it). */
export function csvValue(column: ExportColumn, value: Json, mode: ExportLabelMode): string | null {
  if (Array.isArray(value) && column.many === true)
    return value.map((v) => oneCsvValue(column, v, mode) ?? '').join(mode === 'fr' ? ' | ' : '|');
  return oneCsvValue(column, value, mode);
}

/** A typed XLSX cell: numbers stay numbers, ISO dates and instants become dates, yes/no booleans. */
export type XlsxValue = string | number | boolean | Date | null;

export function xlsxValue(column: ExportColumn, value: Json, mode: ExportLabelMode): XlsxValue {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && column.many === true)
    return writableText(csvValue(column, value, mode) ?? '');
  if (typeof value === 'object') return writableText(JSON.stringify(value));
  if (column.kind === 'date') {
    const m = isoDay.exec(value);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  if (column.kind === 'datetime') {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return writableText(mode === 'fr' ? (column.labels?.[value] ?? value) : value);
}

/** The header of a column. */
export function columnHeader(column: ExportColumn, mode: ExportLabelMode): string {
  return mode === 'fr' ? column.header : column.key;
}

/**
 * A sheet's name: the table's French title (a child table without its record's name: « Liste des
 * membres »), or its id for `codes`; at most 31 characters and none of `: \ / ? * [ ]` (Excel's rules).
 */
export function sheetName(table: ExportTable, type: string, mode: ExportLabelMode): string {
  const title =
    mode === 'codes'
      ? table.id === ''
        ? type
        : table.id
      : table.id === ''
        ? table.title
        : (table.title.split(' : ').at(-1) ?? table.id);
  const clean = title.replace(/[:\\/?*[\]]/g, '-');
  return (mode === 'fr' ? clean.charAt(0).toUpperCase() + clean.slice(1) : clean).slice(0, 31);
}
