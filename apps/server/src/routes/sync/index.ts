import type { FastifyInstance } from 'fastify';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  UNSYNCED_HEADER,
  userRoles,
  wireLimits,
} from '@jigi/sync';
import { authOf } from '../../plugins/access';
import { handlePull } from '../../services/pull';
import { handlePush } from '../../services/push';

/** The tablet protocol (architecture §4); device tokens only. */
/** The count of `UNSYNCED_HEADER` (packages/sync): a missing or malformed value is ignored. */
const MAX_REPORTED_UNSYNCED = 10_000_000;

function unsyncedHeader(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,8}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_REPORTED_UNSYNCED ? n : undefined;
}

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
    (request) =>
      handlePush(app.deps, authOf(request), request.body, {
        via: 'device',
        unsyncedAfter: unsyncedHeader(request.headers[UNSYNCED_HEADER]),
      }),
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
