import { recordTypeDescriptors } from '@jigi/domain';
import type { ApiError, ApiResult } from '../../../sync/api';
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
 * Fetches an export with the supervisor's token (a plain link could not carry it) and names the file
 * from Content-Disposition, else from the request.
 */
export async function fetchExport(
  token: string,
  req: ExportRequest,
): Promise<ApiResult<ExportFile>> {
  let response: Response;
  try {
    response = await fetch(exportUrl(req), { headers: { Authorization: `Bearer ${token}` } });
  } catch (e: unknown) {
    return {
      ok: false,
      error: { kind: 'offline', message: e instanceof Error ? e.message : String(e) },
    };
  }
  if (!response.ok) return { ok: false, error: await httpError(response) };
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const fallback = `${req.recordType}${req.table ? `-${req.table}` : ''}.${req.format}`;
  return {
    ok: true,
    value: { blob: await response.blob(), fileName: named ? decodeURIComponent(named) : fallback },
  };
}

async function httpError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return { kind: 'http', status: response.status, code, message };
}
