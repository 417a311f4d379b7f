import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRole } from '@jigi/sync';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { Deps } from '../services/deps';
import { hashToken } from '../services/passwords';
import { villageScopeOf, type VillageScope } from '../services/scope';
import type { DeviceRow, UserRow } from '../storage/rows';

/**
 * Who may call a route. Every `/api` route declares one in `config.access`; a route without it makes
 * `buildApp` fail (the authorization matrix test walks the same table). `device`: a registered
 * tablet's token only; `user`: a tablet token or a browser session.
 */
export type Access =
  | { readonly auth: 'public' }
  | { readonly auth: 'device' | 'user'; readonly roles: readonly UserRole[] };

export type AuthContext = {
  readonly user: UserRow;
  readonly device: DeviceRow | null;
  /** When a browser session ends; null for tablet tokens (valid until revoked). */
  readonly sessionExpiresAt: string | null;
  /**
   * Villages this user may see, read on first use in a transaction of its own: ask for it before
   * opening the transaction that needs it (a store refuses a transaction opened inside another).
   */
  scope(): Promise<VillageScope>;
};

/** What the OpenAPI document says of a route; schemas are the zod schemas the handler parses with. */
export type RouteDoc = {
  readonly summary: string;
  readonly body?: z.ZodType;
  /** Media types of a body that is a file sent as it is (CSV, an export file) rather than JSON. */
  readonly upload?: readonly string[];
  readonly query?: z.ZodType;
  readonly response?: z.ZodType;
  /** Media types of an answer that is a file (an export) rather than JSON. */
  readonly download?: readonly string[];
};

export type RouteEntry = { method: string; url: string; access: Access; doc: RouteDoc | undefined };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    doc?: RouteDoc;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    deps: Deps;
    routeTable: RouteEntry[];
  }
}

export const SESSION_COOKIE = 'jigi_session';
export const DEVICE_TOKEN_PREFIX = 'jd_';
export const SESSION_TOKEN_PREFIX = 'js_';

/** The caller's auth context; throws for routes that reached a handler without one (a bug). */
export function authOf(request: FastifyRequest): AuthContext {
  if (request.auth === null)
    throw new Error(`route ${request.url} used authOf without an authenticated access rule`);
  return request.auth;
}

export function registerAccess(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access rule`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (method !== 'HEAD')
        app.routeTable.push({ method, url: route.url, access, doc: route.config?.doc });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access.auth === 'public') return;
    const auth = await authenticate(app.deps, request);
    if (access.auth === 'device' && auth.device === null) throw new AppError('device_required');
    if (!access.roles.includes(auth.user.role))
      throw new AppError('forbidden_role', { details: { role: auth.user.role } });
    request.auth = auth;
  });
}

function bearerOrCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? header;
  }
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

async function authenticate(deps: Deps, request: FastifyRequest): Promise<AuthContext> {
  const token = bearerOrCookie(request);
  if (token === undefined || token === '') throw new AppError('missing_token');
  const found = await deps.store.read(async (tx) => {
    let user: UserRow | undefined;
    let device: DeviceRow | null = null;
    let sessionExpiresAt: string | null = null;
    if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
      const found = await tx.accounts.deviceByTokenHash(hashToken(token));
      if (found === undefined) throw new AppError('invalid_token');
      if (found.revokedAt !== null)
        throw new AppError('device_revoked', { details: { deviceId: found.id } });
      device = found;
      user = await tx.accounts.userById(found.userId);
    } else if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const session = await tx.accounts.sessionByTokenHash(hashToken(token));
      if (session === undefined || session.expiresAt <= deps.now().toISOString())
        throw new AppError('invalid_token');
      user = await tx.accounts.userById(session.userId);
      sessionExpiresAt = session.expiresAt;
    }
    return { user, device, sessionExpiresAt };
  });
  const { user, device, sessionExpiresAt } = found;
  if (user === undefined) throw new AppError('invalid_token');
  if (!user.active) throw new AppError('account_disabled');
  const known = user;
  let scope: Promise<VillageScope> | undefined;
  return {
    user: known,
    device,
    sessionExpiresAt,
    scope: () => (scope ??= deps.store.read((tx) => villageScopeOf(tx, known))),
  };
}
