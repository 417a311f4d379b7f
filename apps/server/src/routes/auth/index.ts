import { noBodySchema, okResponseSchema } from '../../plugins/no-body';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  deviceRegistrationRequestSchema,
  deviceRegistrationResponseSchema,
  loginRequestSchema,
  sessionResponseSchema,
  userRoles,
  type SessionUser,
} from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import {
  authOf,
  DEVICE_TOKEN_PREFIX,
  SESSION_COOKIE,
  SESSION_TOKEN_PREFIX,
} from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { hashPassword, hashToken, verifyPassword } from '../../services/passwords';
import * as sessions from '../../services/sessions';
import type { UserRow } from '../../storage/rows';

const SESSION_HOURS = 12;
// Checked against when the login is unknown, so both failures take the same time.
const dummyHash = hashPassword('jigi-dummy-password');

const keyShareRequestSchema = z.object({ keyId: z.uuid() });
const keyShareResponseSchema = z.object({
  keyId: z.uuid(),
  /** base64 of 64 random bytes. */
  keyShare: z.base64(),
  serverTime: z.string(),
});

export type AuthRouteOptions = { loginRateLimit: { max: number; timeWindowMs: number } };

export function sessionUser(user: UserRow): SessionUser {
  return { id: user.id, name: user.name, role: user.role, zones: user.zones };
}

export function authRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const { now, newId, newSecret } = app.deps;
  // Brute force is slowed per login and per address (a district office shares one address), after
  // the body is parsed so the login is known. Browser login and tablet registration check the same
  // password, so they share this one counter: a login locked on one is locked on the other. (A
  // route-level `config.rateLimit` keeps a store per route, even with a common `groupId`.)
  const loginLimiter = app.createRateLimit({
    max: options.loginRateLimit.max,
    timeWindow: options.loginRateLimit.timeWindowMs,
    keyGenerator: (request: FastifyRequest) => `login|${request.ip}|${loginOf(request.body)}`,
  });
  const perLogin = refuseOver(loginLimiter);

  // A second, looser limit per address alone: trying many logins from one place (password
  // spraying) is slowed too.
  const addressLimiter = app.createRateLimit({
    max: options.loginRateLimit.max * 6,
    timeWindow: options.loginRateLimit.timeWindowMs,
    keyGenerator: (request: FastifyRequest) => `address|${request.ip}`,
  });
  const perAddress = refuseOver(addressLimiter);

  async function checkCredentials(login: string, password: string): Promise<UserRow> {
    const user = await sessions.userByLogin(app.deps, login);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    if (user === undefined || !ok) throw new AppError('invalid_credentials');
    if (!user.active) throw new AppError('account_disabled');
    return user;
  }

  app.post(
    '/api/auth/device',
    {
      onRequest: perAddress,
      preHandler: perLogin,
      config: {
        access: { auth: 'public' },
        doc: {
          summary: 'Enregistrer une tablette (jeton révocable)',
          body: deviceRegistrationRequestSchema,
          response: deviceRegistrationResponseSchema,
        },
      },
    },
    async (request) => {
      const body = parseInput(deviceRegistrationRequestSchema, request.body);
      const user = await checkCredentials(body.login, body.password);
      const deviceId = newId();
      const deviceToken = `${DEVICE_TOKEN_PREFIX}${newSecret()}`;
      const at = now().toISOString();
      await sessions.registerDevice(app.deps, {
        id: deviceId,
        user,
        label: body.deviceLabel,
        tokenHash: hashToken(deviceToken),
        at,
      });
      return { deviceId, deviceToken, user: sessionUser(user), serverTime: at };
    },
  );

  // The server's share of the user's data key on this tablet (docs/tablet-security.md). The tablet
  // (apps/field/src/sync/key-share.ts) parses the answer with the same shape.
  app.post(
    '/api/auth/key-share',
    {
      config: {
        access: { auth: 'device', roles: userRoles },
        doc: {
          summary: 'Part serveur de la clé des données d’un utilisateur sur cette tablette',
          body: keyShareRequestSchema,
          response: keyShareResponseSchema,
        },
      },
    },
    async (request) => {
      const body = parseInput(keyShareRequestSchema, request.body);
      const { user, device } = authOf(request);
      if (device === null) throw new AppError('device_required');
      const at = now().toISOString();
      const outcome = await sessions.keyShareFor(app.deps, {
        keyId: body.keyId,
        userId: user.id,
        deviceId: device.id,
        at,
      });
      if (!outcome.ok) throw new AppError(outcome.code);
      return { keyId: body.keyId, keyShare: outcome.share, serverTime: at };
    },
  );

  app.post(
    '/api/auth/login',
    {
      onRequest: perAddress,
      preHandler: perLogin,
      config: {
        access: { auth: 'public' },
        doc: {
          summary: 'Ouvrir une session navigateur (cookie)',
          body: loginRequestSchema,
          response: sessionResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const body = parseInput(loginRequestSchema, request.body);
      const user = await checkCredentials(body.login, body.password);
      const token = `${SESSION_TOKEN_PREFIX}${newSecret()}`;
      const created = now();
      const expiresAt = new Date(created.getTime() + SESSION_HOURS * 3_600_000).toISOString();
      await sessions.openSession(app.deps, {
        user,
        tokenHash: hashToken(token),
        createdAt: created.toISOString(),
        expiresAt,
      });
      const secure = request.protocol === 'https' ? '; Secure' : '';
      void reply.header(
        'set-cookie',
        `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`,
      );
      return { user: sessionUser(user), expiresAt, serverTime: created.toISOString() };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: {
        access: { auth: 'user', roles: userRoles },
        doc: { summary: 'Utilisateur connecté', response: sessionResponseSchema },
      },
    },
    (request) => {
      const { user, sessionExpiresAt } = authOf(request);
      // A tablet token has no end: it lasts until an admin revokes it (shown as the far future).
      return {
        user: sessionUser(user),
        expiresAt: sessionExpiresAt ?? '9999-12-31T23:59:59.000Z',
        serverTime: now().toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: {
        access: { auth: 'user', roles: userRoles },
        doc: { summary: 'Fermer la session', body: noBodySchema, response: okResponseSchema },
      },
    },
    async (request, reply) => {
      const cookie = /(?:^|;\s*)jigi_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      const bearer = /^Bearer\s+(js_\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const token = bearer ?? cookie;
      if (token !== undefined) await sessions.closeSession(app.deps, hashToken(token));
      void reply.header(
        'set-cookie',
        `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
      );
      return { ok: true };
    },
  );
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** A hook that answers `rate_limited` (with the rest of the window) once the limiter is exceeded. */
function refuseOver(limiter: Limiter): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const verdict = await limiter(request);
    if (!verdict.isAllowed && verdict.isExceeded)
      throw new AppError('rate_limited', { retryAfterMs: verdict.ttl });
  };
}

function loginOf(body: unknown): string {
  if (
    typeof body === 'object' &&
    body !== null &&
    'login' in body &&
    typeof body.login === 'string'
  )
    return body.login.trim().toLowerCase().slice(0, 200);
  return '';
}
