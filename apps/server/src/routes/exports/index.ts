import type { FastifyInstance } from 'fastify';
import {
  csvExportQuerySchema,
  exportMediaTypes,
  exportQuerySchema,
  type ExportQuery,
} from '@jigi/contract';
import type { Json } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import { authOf, type AuthContext } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import type { Deps } from '../../services/deps';
import {
  auditExport,
  childTables,
  csvExport,
  withoutDemoVillages,
  xlsxExport,
  type ExportFilter,
} from '../../services/exports';
import { villagesFor } from '../../services/scope';

const access = { auth: 'user', roles: ['admin', 'supervisor'] } as const;

async function filterOf(deps: Deps, auth: AuthContext, q: ExportQuery): Promise<ExportFilter> {
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

/** `ciblage_household-members-codes.csv`: ASCII, so every browser keeps the name. */
function fileName(q: ExportQuery, table: string | undefined, ext: string): string {
  return `${q.type}${table === undefined ? '' : `-${table}`}${q.labels === 'codes' ? '-codes' : ''}.${ext}`;
}

/** Streaming exports (docs/exports.md), zone-scoped like every read; each one is audited. */
export function exportRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get(
    '/api/exports/records.csv',
    {
      config: {
        access,
        doc: {
          summary: 'Export CSV (Excel français) d’un type de fiche ou d’une de ses tables enfants',
          query: csvExportQuerySchema,
          download: [exportMediaTypes.csv],
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const q = parseInput(csvExportQuerySchema, request.query, 'invalid_query');
      if (q.table !== undefined && !childTables(q.type).includes(q.table)) {
        throw new AppError('invalid_query', {
          message: `Champ « table » : « ${q.table} » n’est pas une table de ${q.type} (${childTables(q.type).join(', ') || 'aucune'}).`,
          details: { field: 'table' },
        });
      }
      const stream = await csvExport(deps, await filterOf(deps, auth, q), q.table ?? '', q.labels);
      await logExport(deps, auth, 'csv', q);
      return reply
        .type(exportMediaTypes.csv)
        .header('content-disposition', `attachment; filename="${fileName(q, q.table, 'csv')}"`)
        .send(stream);
    },
  );

  app.get(
    '/api/exports/records.xlsx',
    {
      config: {
        access,
        doc: {
          summary: 'Export XLSX (une feuille par table, cellules typées)',
          query: exportQuerySchema,
          download: [exportMediaTypes.xlsx],
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const q = parseInput(exportQuerySchema, request.query, 'invalid_query');
      const stream = await xlsxExport(deps, await filterOf(deps, auth, q), q.labels);
      await logExport(deps, auth, 'xlsx', q);
      return reply
        .type(exportMediaTypes.xlsx)
        .header('content-disposition', `attachment; filename="${fileName(q, undefined, 'xlsx')}"`)
        .send(stream);
    },
  );
}
