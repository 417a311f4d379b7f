import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts';
import { importRoutes } from './imports';
import { logRoutes } from './logs';
import { referenceRoutes } from './reference';

/**
 * Administration, the back office's API (`/api/admin/*`, admin only; the export-file import also
 * takes supervisors for their own zones). Shapes are @jigi/contract's admin*.ts, shared with the console.
 */
export function adminRoutes(app: FastifyInstance): void {
  accountRoutes(app);
  referenceRoutes(app);
  importRoutes(app);
  logRoutes(app);
}
