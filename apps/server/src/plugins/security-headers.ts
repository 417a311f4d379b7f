import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * A strict Content-Security-Policy and the usual hardening headers on every response (docs/decisions.md §5).
 * The PWA is built by Vite into files: no inline script or style is needed, so none is allowed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const headers: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(self), geolocation=(self), microphone=()',
};

/** Sets the headers on one reply; also called directly where Fastify runs no onSend hook (router errors). */
export function setSecurityHeaders(reply: FastifyReply, url: string): void {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  // API answers hold personal data: never keep them in shared or browser caches.
  if (url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(reply, request.url);
    return payload;
  });
}
