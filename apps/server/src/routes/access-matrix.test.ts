// The authorization matrix, generated from the app's own route table: every route × every role ×
// in-zone / out-of-zone / no token / revoked device / browser session on a tablet route. A new route
// is covered the moment it is registered; one registered without `config.access` makes buildApp
// throw (first test), and one with a path parameter this file has no fixture for fails the matrix.
import type { LightMyRequestResponse } from 'fastify';
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
  const zoneScoped = (route: RouteEntry) =>
    /:(recordId|conflictId|batchNumber)/.test(route.url) ||
    ['/api/review/decisions', '/api/review/duplicates/resolve'].includes(route.url);

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
    return route.access.auth === 'device' || session === undefined
      ? devices[role].headers
      : session;
  }

  it('covers every route of the table', () => {
    expect(s.app.routeTable.length).toBeGreaterThan(30);
    for (const route of s.app.routeTable) expect(route.access).toBeDefined();
  });

  it('enforces roles, zones, tokens and revocation on every route', async () => {
    const failures: string[] = [];
    const check = (ok: boolean, what: string, res: LightMyRequestResponse) => {
      if (!ok) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    };
    for (const route of s.app.routeTable) {
      const name = `${route.method} ${route.url}`;
      if (route.access.auth === 'public') continue;
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
      if (route.access.auth === 'device') {
        const browser = await call(route, sessions.supervisor ?? {});
        check(
          browser.statusCode === 403 && code(browser) === 'device_required',
          `${name} with a session`,
          browser,
        );
      }
      for (const role of userRoles) {
        const allowed = route.access.roles.includes(role);
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
        if (role === 'supervisor' && zoneScoped(route)) {
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
