import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureRoles } from '@jigi/domain';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { pullAll, type TestDevice } from '../../test-support/sync-client';
import { SCORE_ROLES } from './targeting-access';
import type { VillageRankingResponse } from '@jigi/contract';
import { KORO_VILLAGE, decide, pushAll, surveyed, uploadAndAdopt } from './targeting-test-support';

// The PMT score never reaches a tablet or a field role (issue 19; DESIGN §5): checked on the route
// table (no score-bearing answer is callable by a device token or a field role), then on a server
// holding real scores: every field role's tablet pull, every targeting route called as each field
// role (tablet token and browser session), and the supervisor's ciblage export.

/** Whether a zod schema (as its JSON Schema) has a property named `score` at any depth. */
function carriesScore(schema: z.ZodType): boolean {
  const walk = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    if (Array.isArray(node)) return node.some(walk);
    const obj = node as Record<string, unknown>;
    const props = obj['properties'];
    if (typeof props === 'object' && props !== null && 'score' in props) return true;
    return Object.values(obj).some(walk);
  };
  return walk(z.toJSONSchema(schema, { unrepresentable: 'any' }));
}

describe('PMT scores never reach a tablet or a field role', () => {
  let s: TestServer;
  let enq: TestDevice;
  let scores: number[];
  const fieldLogins = {
    enumerator: 'enq.koro',
    facilitator: 'anim.koro',
    field_agent: 'agent.bankass',
  };
  beforeAll(async () => {
    s = await startTestServer();
    enq = await registerDevice(s.app, 'enq.koro');
    const sup = await loginSession(s.app, 'sup.koro');
    const admin = await loginSession(s.app, 'admin');
    const households = [surveyed(1, enq, 0), surveyed(2, enq, 1), surveyed(3, enq, 2)];
    await pushAll(s.app, enq, households);
    for (const h of households) await decide(s.app, sup, h.id, 'approve');
    await uploadAndAdopt(s.app, admin);
    const ranking = (
      await s.app.inject({
        method: 'GET',
        url: `/api/targeting/villages/${KORO_VILLAGE}/ranking`,
        headers: sup,
      })
    ).json<VillageRankingResponse>();
    scores = ranking.ranked.map((r) => r.score);
    expect(scores).toHaveLength(3);
  });
  afterAll(async () => {
    await s.close();
  });

  const mentionsAScore = (text: string) =>
    /"score"|pmt_score|coefficients/.test(text) || scores.some((v) => text.includes(String(v)));

  it('answers scores only on routes of admin and supervisor sessions', () => {
    const scoring = s.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/targeting') ||
        (r.doc?.response !== undefined && carriesScore(r.doc.response)),
    );
    expect(scoring.length).toBeGreaterThanOrEqual(6);
    for (const route of scoring) {
      expect(route.access.auth, `${route.method} ${route.url}`).toBe('user');
      const roles = route.access.auth === 'public' ? [] : route.access.roles;
      for (const role of roles)
        expect(SCORE_ROLES as readonly string[], `${route.method} ${route.url}`).toContain(role);
    }
  });

  it('sends no score in any field role’s pull', async () => {
    for (const login of Object.values(fieldLogins)) {
      const device = await registerDevice(s.app, login);
      const { changes } = await pullAll(s.app, device);
      const text = JSON.stringify(changes);
      expect(mentionsAScore(text), login).toBe(false);
    }
    // The enumerator who surveyed the households does receive them back, without a score.
    const { changes } = await pullAll(s.app, await registerDevice(s.app, 'enq.koro'));
    expect(changes.some((c) => c.entity === 'record')).toBe(true);
  });

  it('refuses every targeting route to each field role, by tablet token and by session', async () => {
    const targeting = s.app.routeTable.filter((r) => r.url.startsWith('/api/targeting'));
    for (const role of captureRoles) {
      const login = fieldLogins[role];
      const credentials = [
        (await registerDevice(s.app, login)).headers,
        await loginSession(s.app, login),
      ];
      for (const headers of credentials)
        for (const route of targeting) {
          const url = route.url
            .replace(':villageId', KORO_VILLAGE)
            .replace(':version', 'demo-1')
            .replace(':recordId', '00000000-0000-4000-8aaa-000000000001');
          const res = await s.app.inject({
            method: route.method as 'GET' | 'POST',
            url,
            headers,
            ...(route.method === 'POST' ? { payload: {} } : {}),
          });
          expect(res.statusCode, `${role} ${route.method} ${url}`).toBe(403);
          expect(mentionsAScore(res.body)).toBe(false);
        }
    }
  });

  it('keeps scores out of the ciblage export, and the export out of field roles’ reach', async () => {
    const sup = await loginSession(s.app, 'sup.koro');
    const csv = await s.app.inject({
      method: 'GET',
      url: '/api/exports/records.csv?type=ciblage_household',
      headers: sup,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('KOR-DIO-001-AK-0001');
    expect(
      scores.some(
        (v) => csv.body.includes(String(v)) || csv.body.includes(String(v).replace('.', ',')),
      ),
    ).toBe(false);
    const enqSession = await loginSession(s.app, 'enq.koro');
    const refused = await s.app.inject({
      method: 'GET',
      url: '/api/exports/records.csv?type=ciblage_household',
      headers: enqSession,
    });
    expect(refused.statusCode).toBe(403);
  });
});
