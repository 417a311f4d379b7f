import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { wireLimits } from '@jigi/sync';
import { registerAccess } from './plugins/access';
import { answerRouterError, registerErrorHandler } from './plugins/error-handler';
import { registerGzipBodies } from './plugins/gzip-body';
import { registerSecurityHeaders } from './plugins/security-headers';
import {
  consoleDirOf,
  hasBuiltApp,
  registerConsoleApp,
  registerStaticApp,
} from './plugins/static-app';
import { registerRoutes } from './routes';
import { systemClock, systemId, systemSecret, type Deps } from './services/deps';
import { openStore } from './storage/open-store';
import type { Store } from './storage/store';

export type AppOptions = {
  /** Data folder holding the SQLite file (ignored when `store` or `databaseUrl` is given). */
  dataDir?: string;
  /** PostgreSQL instead of SQLite (ignored when `store` is given). */
  databaseUrl?: string | undefined;
  poolSize?: number | undefined;
  /** An already opened store (tests share one between app instances); the caller closes it. */
  store?: Store;
  /** The built PWA; omitted: API only. */
  staticDir?: string | undefined;
  /** The built console, served at /console/ (default: `<staticDir>/console`). */
  consoleDir?: string | undefined;
  now?: () => Date;
  newId?: () => string;
  newSecret?: () => string;
  logLevel?: string;
  /** Login attempts per login and address within `timeWindowMs` (default 10 per minute). */
  loginRateLimit?: { max: number; timeWindowMs: number };
};

/** Builds the whole server as a Fastify instance without listening (server.ts listens; tests inject). */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const store =
    options.store ??
    (await openStore({
      dataDir: options.dataDir ?? './data',
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize,
    }));
  const deps: Deps = {
    store,
    now: options.now ?? systemClock,
    newId: options.newId ?? systemId,
    newSecret: options.newSecret ?? systemSecret,
  };
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: wireLimits.maxPushBodyBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Record ids and household codes go in URLs; keep routes case-sensitive and exact.
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerRouterError,
  });
  app.decorate('deps', deps);
  if (options.store === undefined) app.addHook('onClose', () => store.close());
  registerErrorHandler(app, { servePages: hasBuiltApp(options.staticDir) });
  registerAccess(app);
  registerSecurityHeaders(app);
  registerGzipBodies(app);
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );
  // Files uploaded as they are (a tablet's export file); routes that expect JSON refuse a Buffer.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/gzip', 'application/x-gzip'],
    { parseAs: 'buffer' },
    (_request, body, done) => {
      done(null, body);
    },
  );
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['gzip'],
    threshold: 1024,
  });
  await app.register(fastifyRateLimit, { global: false });
  registerRoutes(app, {
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 },
  });
  const consoleDir = consoleDirOf(options.staticDir, options.consoleDir);
  if (consoleDir !== undefined) await registerConsoleApp(app, consoleDir);
  if (options.staticDir !== undefined) await registerStaticApp(app, options.staticDir);
  return app;
}
