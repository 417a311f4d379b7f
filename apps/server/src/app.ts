import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { wireLimits } from '@jigi/sync';
import { databasePath } from './config';
import { registerAccess } from './plugins/access';
import { answerRouterError, registerErrorHandler } from './plugins/error-handler';
import { registerGzipBodies } from './plugins/gzip-body';
import { registerSecurityHeaders } from './plugins/security-headers';
import { hasBuiltApp, registerStaticApp } from './plugins/static-app';
import { registerRoutes } from './routes';
import { systemClock, systemId, systemSecret, type Deps } from './services/deps';
import type { Repository } from './storage/repository';
import { createSqliteRepository } from './storage/sqlite-repository';

export type AppOptions = {
  /** Data folder holding the SQLite file (ignored when `repository` is given). */
  dataDir?: string;
  /** An already opened repository (tests share one between app instances). */
  repository?: Repository;
  /** The built PWA; omitted: API only. */
  staticDir?: string | undefined;
  now?: () => Date;
  newId?: () => string;
  newSecret?: () => string;
  logLevel?: string;
  /** Login attempts per login and address within `timeWindowMs` (default 10 per minute). */
  loginRateLimit?: { max: number; timeWindowMs: number };
};

/** Builds the whole server as a Fastify instance without listening (server.ts listens; tests inject). */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const repo =
    options.repository ?? createSqliteRepository(databasePath(options.dataDir ?? './data'));
  const deps: Deps = {
    repo,
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
  if (options.repository === undefined)
    app.addHook('onClose', () => {
      repo.close();
    });
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
  if (options.staticDir !== undefined) await registerStaticApp(app, options.staticDir);
  return app;
}
