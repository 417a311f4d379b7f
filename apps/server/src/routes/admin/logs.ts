import type { FastifyInstance } from 'fastify';
import {
  auditPageSchema,
  auditQuerySchema,
  quarantinePageSchema,
  quarantineQuerySchema,
} from '@jigi/contract';
import { parseInput } from '../../plugins/validate';
import { auditEntries, quarantineEntries } from '../../services/admin-logs';
import { adminOnly as access } from './params';

/** The audit log and the quarantine, filtered and paged. */
export function logRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get(
    '/api/admin/audit',
    {
      config: {
        access,
        doc: {
          summary: 'Journal d’audit (par personne, action, dates)',
          query: auditQuerySchema,
          response: auditPageSchema,
        },
      },
    },
    (request) => auditEntries(deps, parseInput(auditQuerySchema, request.query, 'invalid_query')),
  );
  app.get(
    '/api/admin/quarantine',
    {
      config: {
        access,
        doc: {
          summary: 'Modifications refusées (quarantaine) : quoi, pourquoi, de quelle tablette',
          query: quarantineQuerySchema,
          response: quarantinePageSchema,
        },
      },
    },
    (request) =>
      quarantineEntries(deps, parseInput(quarantineQuerySchema, request.query, 'invalid_query')),
  );
}
