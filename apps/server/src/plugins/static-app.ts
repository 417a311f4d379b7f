import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** True when `staticDir` holds a built PWA to serve. */
export function hasBuiltApp(staticDir: string | undefined): staticDir is string {
  return staticDir !== undefined && fs.existsSync(path.join(staticDir, 'index.html'));
}

/**
 * Serves the built PWA at `/`. index.html and the service worker must never be cached (a tablet must
 * see a new release at its next online start); Vite's hashed `/assets/*` never change, so they are
 * immutable. Other GETs outside `/api` fall back to index.html in the not-found handler
 * (plugins/error-handler.ts: Fastify allows only one per prefix).
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  if (!hasBuiltApp(staticDir)) {
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
      if (rel.startsWith('assets/'))
        res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
      // The service worker lives at the root and controls the whole origin.
      if (rel === 'sw.js') res.header('service-worker-allowed', '/');
    },
  });
}
