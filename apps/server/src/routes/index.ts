import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin';
import { authRoutes, type AuthRouteOptions } from './auth';
import { dashboardRoutes } from './dashboard';
import { exportRoutes } from './exports';
import { healthRoutes } from './health';
import { openApiRoutes } from './openapi';
import { referenceRoutes } from './reference';
import { reviewRoutes } from './review';
import { syncRoutes } from './sync';
import { targetingRoutes } from './targeting';

/** Every route area, composed here; areas never import each other. */
export function registerRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  healthRoutes(app);
  authRoutes(app, options);
  syncRoutes(app);
  reviewRoutes(app);
  adminRoutes(app);
  exportRoutes(app);
  dashboardRoutes(app);
  referenceRoutes(app);
  targetingRoutes(app);
  openApiRoutes(app);
}
