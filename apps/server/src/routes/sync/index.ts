import type { FastifyInstance } from 'fastify';
import { userRoles, wireLimits } from '@jigi/sync';
import { authOf } from '../../plugins/access';
import { handlePull } from '../../services/pull';
import { handlePush } from '../../services/push';

/** The tablet protocol (architecture §4); device tokens only. */
export function syncRoutes(app: FastifyInstance): void {
  const access = { auth: 'device', roles: userRoles } as const;
  app.post('/api/sync/push', { config: { access }, bodyLimit: wireLimits.maxPushBodyBytes }, (request) => handlePush(app.deps, authOf(request), request.body));
  app.get('/api/sync/pull', { config: { access } }, (request) => handlePull(app.deps, authOf(request), request.query));
}
