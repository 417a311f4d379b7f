// The authorization matrix: every route of the app's own route table × every role × in-zone /
// out-of-zone / no token / revoked device / browser session on a tablet route. What each role may do
// is NOT read from the routes: it is the policy below, written from the role definitions
// (docs/architecture.md §5, docs/api.md « Qui peut appeler quoi »), so a route opened to a role it
// should not serve fails here. A route of a family the policy has no row for fails with its name; a
// public route must be in the public list, and is called without a token.
import type { LightMyRequestResponse } from 'fastify';
import { demoPmtFormula } from '@jigi/domain/targeting';
import { userRoles, type UserRole } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { RouteEntry } from '../plugins/access';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../test-support/harness';
import {
  ciblage,
  createMutation,
  GAO_VILLAGE,
  headMemberId,
  KORO_VILLAGE,
  patchMutation,
  push,
  type TestDevice,
} from '../test-support/sync-client';

/** Every role: a route any signed-in user may call. */
const everyone = ['admin', 'supervisor', 'enumerator', 'facilitator', 'field_agent'] as const;
/** Those who review what tablets send (back office). */
const reviewers = ['admin', 'supervisor'] as const;
const adminOnly = ['admin'] as const;

type Policy = {
  /** `METHOD /path` or `* /path`: the route itself, or every route under that path. */
  family: string;
  auth: 'user' | 'device';
  roles: readonly UserRole[];
  /** `scoped`: a supervisor reaches only her zones' ids (another zone's id is 404, as unknown). */
  zone: 'scoped' | 'all';
};

/** Who may call what, by route family (most specific row wins). */
const policy: readonly Policy[] = [
  // Accounts, tablets, reference data, settings, audit, quarantine: the administrator.
  { family: '* /api/admin', auth: 'user', roles: adminOnly, zone: 'all' },
  // A tablet's export file: the admin, or the supervisor of the tablet's zones.
  { family: 'POST /api/admin/imports', auth: 'user', roles: reviewers, zone: 'scoped' },
  { family: '* /api/auth/session', auth: 'user', roles: everyone, zone: 'all' },
  { family: '* /api/auth/logout', auth: 'user', roles: everyone, zone: 'all' },
  // The server's share of a user's key on a tablet (docs/tablet-security.md): tablet tokens only.
  { family: 'POST /api/auth/key-share', auth: 'device', roles: everyone, zone: 'all' },
  { family: '* /api/dashboard', auth: 'user', roles: reviewers, zone: 'scoped' },
  { family: '* /api/exports', auth: 'user', roles: reviewers, zone: 'scoped' },
  // The village list a tablet caches for its forms.
  { family: '* /api/reference', auth: 'user', roles: everyone, zone: 'scoped' },
  { family: '* /api/review', auth: 'user', roles: reviewers, zone: 'scoped' },
  // The tablet protocol: device tokens only, any role that holds a tablet.
  { family: '* /api/sync', auth: 'device', roles: everyone, zone: 'scoped' },
  // The PMT formula is the administrator's; scores and rankings are read and computed in review.
  { family: '* /api/targeting/formulas', auth: 'user', roles: adminOnly, zone: 'all' },
  { family: 'GET /api/targeting/formulas/current', auth: 'user', roles: reviewers, zone: 'all' },
  { family: '* /api/targeting/records', auth: 'user', roles: reviewers, zone: 'scoped' },
  { family: '* /api/targeting/scores', auth: 'user', roles: reviewers, zone: 'scoped' },
  { family: '* /api/targeting/villages', auth: 'user', roles: reviewers, zone: 'scoped' },
];

/** The only routes anyone may call without a token. */
const publicRoutes = [
  'GET /api/health',
  'POST /api/auth/device',
  'POST /api/auth/login',
  'GET /api/openapi.json',
] as const;

/** The policy row of a route: the longest matching family, an exact method before `*`. */
function policyOf(route: RouteEntry): Policy | undefined {
  const rank = (p: Policy): number => {
    const [method, path] = p.family.split(' ') as [string, string];
    if (method !== '*' && method !== route.method) return -1;
    if (route.url !== path && !route.url.startsWith(`${path}/`)) return -1;
    return path.length * 2 + (method === '*' ? 0 : 1);
  };
  return [...policy].sort((a, b) => rank(b) - rank(a)).find((p) => rank(p) >= 0);
}

const logins: Record<UserRole, string> = {
  admin: 'admin',
  supervisor: 'sup.koro',
  enumerator: 'enq.koro',
  facilitator: 'anim.koro',
  field_agent: 'agent.bankass',
};
type Credential = Record<string, string>;

describe('access rules', () => {
  it('refuses to build an app with an /api route that declares no access rule', async () => {
    const s = await startTestServer({ seed: false });
    try {
      expect(() => s.app.get('/api/sneaky', () => 'x')).toThrow(/declares no config.access/);
    } finally {
      await s.close();
    }
    expect(buildApp).toBeTypeOf('function');
  });
});

describe('authorization matrix (route table × role × zone)', { timeout: 90_000 }, () => {
  let s: TestServer;
  const devices = {} as Record<UserRole, TestDevice>;
  const revoked = {} as Record<UserRole, TestDevice>;
  const sessions = {} as Partial<Record<UserRole, Credential>>;
  const fixtures: Record<string, { in: string; out: string }> = {};
  let koroRecord = '';
  let gaoRecord = '';
  let requests = 0;

  async function makeConflict(
    d1: TestDevice,
    d2: TestDevice,
    n: number,
    village: string,
    agentId: string,
  ): Promise<string> {
    const rec = { ...ciblage(n, d1), villageId: village, agentId };
    await push(s.app, d1, [createMutation(1, rec)]);
    await push(s.app, d1, [
      patchMutation(2, rec, 1, { [`members.${headMemberId}.firstName`]: 'Hamadoun' }),
    ]);
    await push(s.app, d2, [
      patchMutation(1, rec, 1, { [`members.${headMemberId}.firstName`]: 'Bakary' }),
    ]);
    return rec.id;
  }

  beforeAll(async () => {
    s = await startTestServer();
    for (const role of userRoles) {
      devices[role] = await registerDevice(s.app, logins[role]);
      revoked[role] = await registerDevice(s.app, logins[role], 'Tablette perdue');
      await s.db.accounts.revokeDevice(revoked[role].deviceId, '2026-03-15T10:00:00.000Z');
    }
    sessions.admin = await loginSession(s.app, 'admin');
    sessions.supervisor = await loginSession(s.app, 'sup.koro');
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: sessions.admin,
      payload: {
        login: 'enq.gao',
        name: 'Enquêteur Gao',
        role: 'enumerator',
        zones: ['gao.gao'],
        password: 'demo1234',
      },
    });
    expect(created.statusCode).toBe(201);
    // A PMT formula version for the :version routes.
    const formula = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/formulas',
      headers: sessions.admin,
      payload: demoPmtFormula,
    });
    expect(formula.statusCode).toBe(201);
    const koro2 = await registerDevice(s.app, 'enq.koro');
    const gao1 = await registerDevice(s.app, 'enq.gao');
    const gao2 = await registerDevice(s.app, 'enq.gao');
    koroRecord = await makeConflict(devices.enumerator, koro2, 1, KORO_VILLAGE, 'user-enq-koro');
    gaoRecord = await makeConflict(gao1, gao2, 2, GAO_VILLAGE, created.json<{ id: string }>().id);
    const conflictOf = async (recordId: string) =>
      (await s.db.review.listConflicts({})).find((c) => c.recordId === recordId)?.id ?? '';
    const batchOf = async (deviceId: string) =>
      (await s.db.sync.listBatches({ limit: 100, offset: 0 })).rows.find(
        (b) => b.deviceId === deviceId,
      )?.number ?? 0;
    const spare = await registerDevice(s.app, 'enq.koro', 'À révoquer');
    Object.assign(fixtures, {
      recordId: { in: koroRecord, out: gaoRecord },
      conflictId: { in: await conflictOf(koroRecord), out: await conflictOf(gaoRecord) },
      batchNumber: {
        in: String(await batchOf(devices.enumerator.deviceId)),
        out: String(await batchOf(gao1.deviceId)),
      },
      userId: { in: 'user-enq-koro', out: 'user-enq-koro' },
      deviceId: { in: spare.deviceId, out: spare.deviceId },
      villageId: { in: KORO_VILLAGE, out: KORO_VILLAGE },
      householdId: {
        in: '00000000-0000-4000-9100-000000000001',
        out: '00000000-0000-4000-9100-000000000001',
      },
      version: { in: demoPmtFormula.version, out: demoPmtFormula.version },
      microprojectId: {
        in: '00000000-0000-4000-9000-000000000001',
        out: '00000000-0000-4000-9000-000000000001',
      },
    });
  });
  afterAll(async () => {
    await s.close();
  });

  /** Bodies that pass validation, so zone checks (not schemas) decide. */
  function bodyFor(route: RouteEntry, zone: 'in' | 'out'): unknown {
    const id = (name: string) => fixtures[name]?.[zone] ?? '';
    switch (`${route.method} ${route.url}`) {
      case 'POST /api/review/records/:recordId/decision':
        return { decision: 'approve' };
      case 'POST /api/review/decisions':
        return { decision: 'approve', recordIds: [id('recordId')] };
      case 'POST /api/review/conflicts/:conflictId/resolve':
        return { choice: 'server' };
      case 'POST /api/review/duplicates/resolve':
        return { action: 'keep_both', recordIds: [id('recordId'), id('recordId')] };
      default:
        return route.method === 'GET' ? undefined : {};
    }
  }
  /** Routes a supervisor's call names another zone's id in (path or body): 404 out of zone. */
  const namesAnId = (route: RouteEntry) =>
    policyOf(route)?.zone === 'scoped' &&
    (/:(recordId|conflictId|batchNumber)/.test(route.url) ||
      ['/api/review/decisions', '/api/review/duplicates/resolve'].includes(route.url));

  function urlFor(route: RouteEntry, zone: 'in' | 'out'): string {
    return route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      const fixture = fixtures[name];
      if (fixture === undefined)
        throw new Error(
          `No fixture for path parameter :${name} of ${route.method} ${route.url}: add one to the matrix`,
        );
      return fixture[zone];
    });
  }

  async function call(
    route: RouteEntry,
    headers: Credential,
    zone: 'in' | 'out' = 'in',
  ): Promise<LightMyRequestResponse> {
    requests++;
    const body = bodyFor(route, zone);
    return s.app.inject({
      method: route.method as 'GET',
      url: urlFor(route, zone),
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
  const code = (res: LightMyRequestResponse): string | undefined =>
    res.headers['content-type']?.toString().includes('json')
      ? res.json<{ error?: { code: string } }>().error?.code
      : undefined;

  async function credentialFor(route: RouteEntry, role: UserRole): Promise<Credential> {
    // Logout ends the session it is given: use a fresh one so later routes keep theirs.
    if (route.url === '/api/auth/logout' && (role === 'admin' || role === 'supervisor'))
      return loginSession(s.app, logins[role]);
    const session = sessions[role];
    return policyOf(route)?.auth === 'device' || session === undefined
      ? devices[role].headers
      : session;
  }

  it('has a policy row for every route of the table, and the routes declare that policy', () => {
    expect(s.app.routeTable.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const route of s.app.routeTable) {
      const name = `${route.method} ${route.url}`;
      const isPublic = (publicRoutes as readonly string[]).includes(name);
      if (route.access.auth === 'public') {
        if (!isPublic) problems.push(`${name} is public but not in the public list`);
        continue;
      }
      if (isPublic) problems.push(`${name} is in the public list but asks for a token`);
      const row = policyOf(route);
      if (row === undefined) {
        problems.push(`${name} has no policy row: add its family to the policy table`);
        continue;
      }
      if (route.access.auth !== row.auth)
        problems.push(`${name} wants a ${route.access.auth} token, the policy says ${row.auth}`);
    }
    for (const name of publicRoutes)
      if (!s.app.routeTable.some((r) => `${r.method} ${r.url}` === name))
        problems.push(`${name} is in the public list but no longer a route`);
    expect(problems).toEqual([]);
  });

  it('answers every public route without a token', async () => {
    for (const name of publicRoutes) {
      const route = s.app.routeTable.find((r) => `${r.method} ${r.url}` === name);
      if (route === undefined) continue; // reported by the test above
      const res = await call(route, {});
      expect([401, 403], `${name} without a token: ${res.statusCode}`).not.toContain(
        res.statusCode,
      );
      expect(res.statusCode, name).toBeLessThan(500);
    }
  });

  it('enforces roles, zones, tokens and revocation on every route', async () => {
    const failures: string[] = [];
    const check = (ok: boolean, what: string, res: LightMyRequestResponse) => {
      if (!ok) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    };
    for (const route of s.app.routeTable) {
      const name = `${route.method} ${route.url}`;
      const row = policyOf(route);
      // Public routes are checked above; a route with no row is reported above by name.
      if ((publicRoutes as readonly string[]).includes(name) || row === undefined) continue;
      const anonymous = await call(route, {});
      check(
        anonymous.statusCode === 401 && code(anonymous) === 'missing_token',
        `${name} without token`,
        anonymous,
      );
      const tampered = await call(route, {
        authorization: `${devices.enumerator.headers.authorization}x`,
      });
      check(
        tampered.statusCode === 401 && code(tampered) === 'invalid_token',
        `${name} tampered token`,
        tampered,
      );
      if (row.auth === 'device') {
        const browser = await call(route, sessions.supervisor ?? {});
        check(
          browser.statusCode === 403 && code(browser) === 'device_required',
          `${name} with a session`,
          browser,
        );
      }
      for (const role of userRoles) {
        const allowed = row.roles.includes(role);
        const revokedRes = await call(route, revoked[role].headers);
        check(
          revokedRes.statusCode === 401 && code(revokedRes) === 'device_revoked',
          `${name} revoked ${role}`,
          revokedRes,
        );
        const res = await call(route, await credentialFor(route, role));
        if (!allowed) {
          check(
            res.statusCode === 403 && code(res) === 'forbidden_role',
            `${name} as ${role} (not allowed)`,
            res,
          );
          continue;
        }
        check(
          ![401, 403].includes(res.statusCode) && code(res) !== 'not_found',
          `${name} as ${role} in zone`,
          res,
        );
        if (role !== 'admin' && route.method === 'GET') {
          // Lists and details never leak the other zone's records or villages.
          const other =
            role === 'field_agent'
              ? [koroRecord, gaoRecord, GAO_VILLAGE, KORO_VILLAGE]
              : [gaoRecord, GAO_VILLAGE];
          for (const leak of other)
            check(!res.body.includes(leak), `${name} as ${role} leaks ${leak}`, res);
        }
        if (role === 'supervisor' && namesAnId(route)) {
          const out = await call(route, await credentialFor(route, role), 'out');
          check(
            out.statusCode === 404 && code(out) === 'not_found',
            `${name} as supervisor out of zone`,
            out,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
    // Out-of-zone decisions and resolutions wrote nothing.
    expect((await s.db.sync.recordById(gaoRecord))?.reviewStatus).toBe('received');
    expect(
      (await s.db.review.listConflicts({ status: 'open' })).some((c) => c.recordId === gaoRecord),
    ).toBe(true);
  });
});
