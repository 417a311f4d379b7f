import type { FastifyInstance } from 'fastify';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  userRoles,
  wireLimits,
} from '@jigi/sync';
import { authOf } from '../../plugins/access';
import { handlePull } from '../../services/pull';
import { handlePush } from '../../services/push';

/** The tablet protocol (architecture §4); device tokens only. */
export function syncRoutes(app: FastifyInstance): void {
  const access = { auth: 'device', roles: userRoles } as const;
  app.post(
    '/api/sync/push',
    {
      config: {
        access,
        doc: {
          summary: 'Envoyer des modifications (exactement une fois, gzip accepté)',
          body: pushRequestSchema,
          response: pushResponseSchema,
        },
      },
      bodyLimit: wireLimits.maxPushBodyBytes,
    },
    (request) => handlePush(app.deps, authOf(request), request.body),
  );
  app.get(
    '/api/sync/pull',
    {
      config: {
        access,
        doc: {
          summary: 'Recevoir les changements depuis un curseur',
          query: pullQuerySchema,
          response: pullResponseSchema,
        },
      },
    },
    (request) => handlePull(app.deps, authOf(request), request.query),
  );
}
