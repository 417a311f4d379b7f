import type { FastifyInstance } from 'fastify';
import { authRoutes, type AuthRouteOptions } from './auth';
import { healthRoutes } from './health';

/** Every route area, composed here; areas never import each other. */
export function registerRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  healthRoutes(app);
  authRoutes(app, options);
}
