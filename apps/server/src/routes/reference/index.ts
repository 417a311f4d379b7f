import type { FastifyInstance } from 'fastify';
import { userRoles } from '@jigi/sync';
import { authOf } from '../../plugins/access';
import { inScope } from '../../services/scope';

/** Reference data for browsers (supervisor screens): the villages of the caller's zones. */
export function referenceRoutes(app: FastifyInstance): void {
  const { repo } = app.deps;
  app.get(
    '/api/reference/villages',
    {
      config: {
        access: { auth: 'user', roles: userRoles },
        doc: { summary: 'Villages des zones de l’utilisateur' },
      },
    },
    (request) => {
      const scope = authOf(request).scope();
      return {
        villages: repo
          .listVillages()
          .filter((v) => inScope(scope, v.id))
          .map((v) => ({ ...v.data, version: v.version })),
      };
    },
  );
}
