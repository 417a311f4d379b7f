import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, errorEnvelope } from '../errors/app-error';

/** True when `staticDir` holds a built app (its index.html) to serve. */
export function hasBuiltApp(staticDir: string | undefined): staticDir is string {
  return staticDir !== undefined && fs.existsSync(path.join(staticDir, 'index.html'));
}

/** Where the console is served from: CONSOLE_DIR, else a `console/` folder beside the field app's files. */
export function consoleDirOf(staticDir: string | undefined, consoleDir: string | undefined) {
  if (consoleDir !== undefined) return consoleDir;
  return staticDir === undefined ? undefined : path.join(staticDir, 'console');
}

// index.html and the service worker must never be cached (a tablet must see a new release at its
// next online start); Vite's hashed `assets/*` never change, so they are immutable.
function cacheHeaders(root: string) {
  return (reply: FastifyReply, filePath: string) => {
    const rel = path.relative(root, filePath).split(path.sep).join('/');
    void reply.header(
      'cache-control',
      rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  };
}

/**
 * Serves the built field PWA at `/`: other GETs outside `/api` fall back to its index.html in the
 * not-found handler (plugins/error-handler.ts: Fastify allows only one per prefix). The service
 * worker lives at the root and controls the whole origin.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  if (!hasBuiltApp(staticDir)) {
    app.log.warn({ staticDir }, 'STATIC_DIR has no index.html: serving the API only');
    return;
  }
  const headers = cacheHeaders(staticDir);
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, filePath) {
      headers(reply, filePath);
      if (path.basename(filePath) === 'sw.js' && path.dirname(filePath) === staticDir)
        void reply.header('service-worker-allowed', '/');
    },
  });
}

/**
 * Serves the built console (apps/console/dist) under `/console/`, its own app: its client routes
 * (`/console/batches/12`) fall back to its index.html, its missing assets are 404, and it has no
 * service worker (online-first: nothing of it is kept on a device). Its asset URLs are absolute
 * (Vite `base: '/console/'`), so `/console` and `/console/` both work.
 */
export async function registerConsoleApp(app: FastifyInstance, consoleDir: string): Promise<void> {
  if (!hasBuiltApp(consoleDir)) {
    app.log.warn({ consoleDir }, 'no built console (apps/console/dist): /console/ is not served');
    return;
  }
  const headers = cacheHeaders(consoleDir);
  await app.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root: consoleDir,
        wildcard: true,
        index: ['index.html'],
        cacheControl: false,
        decorateReply: false,
        // A service worker may never be served from here, even if one were built by mistake.
        allowedPath: (pathName) => !pathName.endsWith('sw.js'),
        setHeaders: headers,
      });
      // `/console` and `/console/` (one route: the router ignores a trailing slash) are the app's
      // entry; without this, the field app's wildcard at `/` would answer them.
      scope.get('/', (_request, reply) =>
        reply.header('cache-control', 'no-cache').sendFile('index.html', consoleDir, {
          cacheControl: false,
        }),
      );
      scope.setNotFoundHandler((request, reply) => {
        const url = request.url.split('?')[0] ?? '';
        const isPage =
          (request.method === 'GET' || request.method === 'HEAD') &&
          !url.startsWith('/console/assets/');
        if (isPage)
          return reply
            .header('cache-control', 'no-cache')
            .sendFile('index.html', consoleDir, { cacheControl: false });
        const error = new AppError('route_not_found', {
          details: { method: request.method, url },
        });
        return reply.code(error.statusCode).send(errorEnvelope(error));
      });
    },
    { prefix: '/console' },
  );
}
