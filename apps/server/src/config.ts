import path from 'node:path';
import { z } from 'zod';

/** Server settings read from the environment (README: PORT, HOST, DATA_DIR, STATIC_DIR, LOG_LEVEL). */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** The built PWA (apps/field/dist); the server serves only the API when absent. */
  STATIC_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
};

/** Parses the environment; an invalid value is a result naming the variable, not an exception. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; config: Config } | { ok: false; message: string } {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, message: `Configuration invalide — ${problems}` };
  }
  const c = parsed.data;
  return {
    ok: true,
    config: {
      port: c.PORT,
      host: c.HOST,
      dataDir: path.resolve(c.DATA_DIR),
      staticDir: c.STATIC_DIR === undefined ? undefined : path.resolve(c.STATIC_DIR),
      logLevel: c.LOG_LEVEL,
    },
  };
}

/** The SQLite file inside the data folder. */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'jigi.sqlite');
}
