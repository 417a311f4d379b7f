import { wireLimits } from '@jigi/sync';
import { z } from 'zod';

/** `GET /api/health` answer (503 with `database_unavailable` and a null epoch while the database is away). */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'database_unavailable']),
  epoch: z.string().max(wireLimits.maxIdLength).nullable(),
  protocolVersion: z.number().int().min(1),
  serverTime: z.iso.datetime(),
  backend: z.enum(['sqlite', 'postgres']),
  pid: z.number().int(),
});
