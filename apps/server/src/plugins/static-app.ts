import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError, errorEnvelope } from '../errors/app-error';

/**
 * Serves the built PWA at `/`. index.html and the service worker must never be cached (a tablet must
 * see a new release at its next online start); Vite's hashed `/assets/*` never change, so they are
 * immutable. Any other GET outside `/api` falls back to index.html (client-side routes).
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    app.log.warn({ staticDir }, 'STATIC_DIR has no index.html: serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, filePath) {
      const rel = path.relative(staticDir, filePath).split(path.sep).join('/');
      if (rel.startsWith('assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
      // The service worker lives at the root and controls the whole origin.
      if (rel === 'sw.js') res.header('service-worker-allowed', '/');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !request.url.startsWith('/assets/');
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const error = new AppError('route_not_found', { details: { method: request.method, url: request.url.split('?')[0] ?? '' } });
    return reply.code(error.statusCode).send(errorEnvelope(error));
  });
}
