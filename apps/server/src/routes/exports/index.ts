import type { FastifyInstance } from 'fastify';
import { recordTypes } from '@jigi/domain';
import { wireLimits, type Json } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf, type AuthContext } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import type { Deps } from '../../services/deps';
import {
  auditExport,
  childTables,
  csvStream,
  exportRows,
  withoutDemoVillages,
  xlsxStream,
} from '../../services/exports';
import { villagesFor } from '../../services/scope';

const access = { auth: 'user', roles: ['admin', 'supervisor'] } as const;
export const exportQuerySchema = z.object({
  type: z.enum(recordTypes),
  /** A child table (`members`, `attendance`, …) instead of the records themselves (CSV only). */
  table: z
    .string()
    .regex(/^[a-z][a-zA-Z]*$/)
    .optional(),
  zone: z.string().min(1).max(wireLimits.maxIdLength).optional(),
  status: z.enum(['received', 'approved', 'returned', 'rejected']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** `exclude`: leave the demo villages out (a real export); default `include` so the demo works. */
  demo: z.enum(['include', 'exclude']).default('include'),
});
type ExportQuery = z.infer<typeof exportQuerySchema>;

async function filterOf(deps: Deps, auth: AuthContext, q: ExportQuery) {
  let villageIds = await villagesFor(deps, auth, q.zone);
  if (q.demo === 'exclude') villageIds = await withoutDemoVillages(deps, villageIds);
  return {
    type: q.type,
    villageIds,
    status: q.status,
    from: q.from,
    to: q.to === undefined ? undefined : new Date(Date.parse(q.to) + 86_400_000).toISOString(),
  };
}

function logExport(deps: Deps, auth: AuthContext, format: string, q: ExportQuery): Promise<void> {
  const details: Record<string, Json> = Object.fromEntries(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return auditExport(deps, { userId: auth.user.id, format, type: q.type, details });
}

/** Streaming exports, zone-scoped like every read; each export is written to the audit log. */
export function exportRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get(
    '/api/exports/records.csv',
    {
      config: {
        access,
        doc: {
          summary: 'Export CSV d’un type de fiche ou d’une table enfant',
          query: exportQuerySchema,
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const q = parseInput(exportQuerySchema, request.query, 'invalid_query');
      if (q.table !== undefined && !childTables(q.type).includes(q.table)) {
        throw new AppError('invalid_query', {
          message: `Champ « table » : « ${q.table} » n’est pas une table de ${q.type} (${childTables(q.type).join(', ') || 'aucune'}).`,
          details: { field: 'table' },
        });
      }
      await logExport(deps, auth, 'csv', q);
      const name = `${q.type}${q.table === undefined ? '' : `-${q.table}`}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csvStream(exportRows(deps, await filterOf(deps, auth, q), q.table)));
    },
  );

  app.get(
    '/api/exports/records.xlsx',
    {
      config: {
        access,
        doc: {
          summary: 'Export XLSX (une feuille par table)',
          query: exportQuerySchema.omit({ table: true }),
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const q = parseInput(exportQuerySchema.omit({ table: true }), request.query, 'invalid_query');
      await logExport(deps, auth, 'xlsx', q);
      const filter = await filterOf(deps, auth, q);
      const sheets = [
        { name: q.type, rows: exportRows(deps, filter, undefined) },
        ...childTables(q.type).map((t) => ({ name: t, rows: exportRows(deps, filter, t) })),
      ];
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${q.type}.xlsx"`)
        .send(xlsxStream(sheets));
    },
  );
}
