import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '@jigi/sync';

/** Liveness plus what a tablet needs to check before syncing: protocol version and server time. */
export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      config: {
        access: { auth: 'public' },
        doc: { summary: 'État du serveur, version du protocole, époque' },
      },
    },
    () => {
      const { repo, now } = app.deps;
      return {
        status: 'ok',
        protocolVersion: PROTOCOL_VERSION,
        epoch: repo.epoch(),
        serverTime: now().toISOString(),
      };
    },
  );
}
