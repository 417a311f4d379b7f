import { villageListResponseSchema } from '@jigi/contract';
import type { FastifyInstance } from 'fastify';
import { userRoles } from '@jigi/sync';
import { authOf } from '../../plugins/access';
import { visibleVillages } from '../../services/scope';

/** Reference data for browsers (supervisor screens): the villages of the caller's zones. */
export function referenceRoutes(app: FastifyInstance): void {
  app.get(
    '/api/reference/villages',
    {
      config: {
        access: { auth: 'user', roles: userRoles },
        doc: {
          summary: 'Villages des zones de l’utilisateur',
          response: villageListResponseSchema,
        },
      },
    },
    async (request) => ({ villages: await visibleVillages(app.deps, authOf(request)) }),
  );
}
