import type { FastifyInstance } from 'fastify';
import { serverHealth } from '../../services/health';
import { healthResponseSchema } from './health-schema';

/** Liveness plus what a tablet needs to check before syncing: protocol version and server time. */
export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      config: {
        access: { auth: 'public' },
        doc: {
          summary: 'État du serveur, version du protocole, époque',
          response: healthResponseSchema,
        },
      },
    },
    async (_request, reply) => {
      const health = await serverHealth(app.deps);
      // A process whose database is away says so (load balancers take it out of rotation).
      if (health.status !== 'ok') void reply.code(503);
      return health;
    },
  );
}
