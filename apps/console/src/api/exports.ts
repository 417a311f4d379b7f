import { recordTypeDescriptors } from '@jigi/domain';
import { httpError, send, type ApiResult } from './http';
import { withQuery } from './client';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * Child lists exported as their own table keyed by the record id (CSV); XLSX has one sheet each: the
 * record type's export tables after its record table.
 */
export const childTables: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  recordTypeDescriptors.map((d) => [d.type, d.exports.flatMap((t) => (t.id === '' ? [] : [t.id]))]),
);

export interface ExportRequest {
  recordType: string;
  format: ExportFormat;
  /** A child table (CSV only), e.g. `members`: the ciblage roster keyed by household id. */
  table?: string;
  filters: { zone?: string; status?: string; from?: string; to?: string };
}

/** `GET /api/exports/records.csv?type&table&zone&status&from&to` and `GET /api/exports/records.xlsx?type&zone&status&from&to` */
export function exportUrl(req: ExportRequest): string {
  return withQuery(`/api/exports/records.${req.format}`, {
    type: req.recordType,
    table: req.format === 'csv' ? req.table : undefined,
    ...req.filters,
  });
}

export type ExportFile = { blob: Blob; fileName: string };

/**
 * Fetches an export with the session cookie (so a failure shows the server's message instead of a
 * downloaded error page) and names the file from Content-Disposition, else from the request.
 */
export async function fetchExport(req: ExportRequest): Promise<ApiResult<ExportFile>> {
  const sent = await send(exportUrl(req), {}, '*/*');
  if (!sent.ok) return sent;
  const { response } = sent;
  if (!response.ok) return { ok: false, error: await httpError(response) };
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const fallback = `${req.recordType}${req.table ? `-${req.table}` : ''}.${req.format}`;
  return {
    ok: true,
    value: { blob: await response.blob(), fileName: named ? decodeURIComponent(named) : fallback },
  };
}
