import type { FastifyInstance } from 'fastify';
import { authRoutes, type AuthRouteOptions } from './auth';
import { healthRoutes } from './health';
import { reviewRoutes } from './review';
import { syncRoutes } from './sync';

/** Every route area, composed here; areas never import each other. */
export function registerRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  healthRoutes(app);
  authRoutes(app, options);
  syncRoutes(app);
  reviewRoutes(app);
}
