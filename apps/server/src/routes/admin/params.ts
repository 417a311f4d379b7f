import { wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { parseInput } from '../../plugins/validate';

/** Only administrators; the export-file import alone also admits supervisors (imports.ts). */
export const adminOnly = { auth: 'user', roles: ['admin'] } as const;

/** A path parameter (`:userId`) read as a bounded id. */
export function pathId(params: unknown, name: string): string {
  const parsed = parseInput(
    z.object({ [name]: z.string().min(1).max(wireLimits.maxIdLength) }),
    params,
    'invalid_query',
  ) as Record<string, string>;
  return parsed[name] ?? '';
}
