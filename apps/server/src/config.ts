import path from 'node:path';
import { z } from 'zod';

/**
 * Server settings read from the environment (README: PORT, HOST, DATA_DIR, DATABASE_URL, WORKERS,
 * STATIC_DIR, CONSOLE_DIR, LOG_LEVEL).
 */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** PostgreSQL instead of the embedded SQLite file. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'doit commencer par postgres:// ou postgresql://' })
      .optional(),
    /** Server processes serving the port (PostgreSQL only above 1). */
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    /** Connections each process keeps to PostgreSQL. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** The built PWA (apps/field/dist); the server serves only the API when absent. */
    STATIC_DIR: z.string().min(1).optional(),
    /** The built console (apps/console/dist), served at /console/; default `<STATIC_DIR>/console`. */
    CONSOLE_DIR: z.string().min(1).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .refine((c) => c.WORKERS === 1 || c.DATABASE_URL !== undefined, {
    error:
      'WORKERS > 1 demande PostgreSQL (DATABASE_URL) : un fichier SQLite n’a qu’un écrivain, plusieurs processus s’y attendraient sans rien gagner',
    path: ['WORKERS'],
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  workers: number;
  poolSize: number;
  staticDir: string | undefined;
  consoleDir: string | undefined;
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
      databaseUrl: c.DATABASE_URL,
      workers: c.WORKERS,
      poolSize: c.DATABASE_POOL_SIZE,
      staticDir: c.STATIC_DIR === undefined ? undefined : path.resolve(c.STATIC_DIR),
      consoleDir: c.CONSOLE_DIR === undefined ? undefined : path.resolve(c.CONSOLE_DIR),
      logLevel: c.LOG_LEVEL,
    },
  };
}

export { databasePath } from './storage/open-store';
