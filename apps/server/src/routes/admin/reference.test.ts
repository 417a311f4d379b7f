import { beneficiaryHouseholdSchema, defaultProgramSettings, villageSchema } from '@jigi/domain';
import { buildHimoMicroproject } from '@jigi/domain/testing';
import type {
  AuditPage,
  HouseholdsPage,
  QuarantinePage,
  SettingsResponse,
  VillagesPage,
} from '@jigi/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  GAO_VILLAGE,
  KORO_VILLAGE,
  pullAll,
  push,
} from '../../test-support/sync-client';

describe('admin reference data, settings history, audit log and quarantine', () => {
  let s: TestServer;
  let admin: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
  });
  afterEach(async () => {
    await s.close();
  });
  const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: admin, ...(payload === undefined ? {} : { payload }) });

  it('lists villages by zone and name with their commune and households; edits one', async () => {
    const koro = (await call('GET', '/api/admin/villages?zone=mopti.koro')).json<VillagesPage>();
    expect(koro.rows.length).toBeGreaterThan(0);
    expect(koro.rows.every((v) => v.communeCode.startsWith('mopti.koro.'))).toBe(true);
    expect(koro.rows[0]?.communeName).toMatch(/, Koro, Mopti$/);
    const one = koro.rows.find((v) => v.id === KORO_VILLAGE);
    if (one === undefined) throw new Error('no Koro demo village');
    expect(one.households).toBeGreaterThan(0);
    const searched = (
      await call(
        'GET',
        `/api/admin/villages?q=${encodeURIComponent(one.name.slice(0, 4).toUpperCase())}`,
      )
    ).json<VillagesPage>();
    expect(searched.rows.map((v) => v.id)).toContain(KORO_VILLAGE);
    // What the list adds to a village (version, names, counts) is not part of what is saved.
    const village = villageSchema.parse(one);
    const put = await call('PUT', `/api/admin/villages/${KORO_VILLAGE}`, { ...village, quota: 77 });
    expect(put.json()).toMatchObject({ id: KORO_VILLAGE, quota: 77 });
    const wrongId = await call('PUT', `/api/admin/villages/autre`, village);
    expect(wrongId.json()).toMatchObject({
      error: { code: 'invalid_body', details: { field: 'id' } },
    });
  });

  it('lists and edits households by village and search', async () => {
    const page = (
      await call('GET', `/api/admin/households?villageId=${KORO_VILLAGE}&limit=1`)
    ).json<HouseholdsPage>();
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(1);
    const h = page.rows[0];
    if (h === undefined) throw new Error('no household');
    expect(h.villageId).toBe(KORO_VILLAGE);
    const household = beneficiaryHouseholdSchema.parse(h);
    expect(h.villageName).not.toBe(KORO_VILLAGE);
    const put = await call('PUT', `/api/admin/households/${h.id}`, {
      ...household,
      headName: 'Zoumana Testé',
    });
    expect(put.statusCode).toBe(200);
    const found = (
      await call('GET', '/api/admin/households?q=zoumana%20teste')
    ).json<HouseholdsPage>();
    expect(found.rows.map((r) => r.id)).toEqual([h.id]);
    const badVillage = await call('PUT', `/api/admin/households/${h.id}`, {
      ...household,
      villageId: 'nulle-part',
    });
    expect(badVillage.json()).toMatchObject({ error: { details: { field: 'villageId' } } });
  });

  it('saves microprojects only for known villages and in date order', async () => {
    const project = buildHimoMicroproject({ villageIds: [KORO_VILLAGE] });
    expect(
      (await call('PUT', `/api/admin/microprojects/${project.projectId}`, project)).statusCode,
    ).toBe(200);
    const late = await call('PUT', `/api/admin/microprojects/${project.projectId}`, {
      ...project,
      endDate: '2000-01-01',
    });
    expect(late.json()).toMatchObject({ error: { details: { field: 'endDate' } } });
    const listed = (await call('GET', '/api/admin/microprojects')).json<{
      microprojects: { projectId: string }[];
    }>();
    expect(listed.microprojects.map((m) => m.projectId)).toContain(project.projectId);
  });

  it('keeps who changed which setting and when; devices pull the new version', async () => {
    const dev = await registerDevice(s.app, 'agent.bankass');
    const { cursor } = await pullAll(s.app, dev);
    const before = (await call('GET', '/api/admin/settings')).json<SettingsResponse>();
    s.clock.advance(3_600_000);
    const res = await call('PUT', '/api/admin/settings', {
      ...before.settings,
      himoDefaultDailyWageFcfa: 2500,
      muac: { ...before.settings.muac, womanBelowMm: 210 },
    });
    const after = res.json<SettingsResponse>();
    expect(after.settings.himoDefaultDailyWageFcfa).toBe(2500);
    expect(after.version).toBe(before.version + 1);
    expect(after.history[0]).toEqual({
      at: '2026-03-15T11:00:00.000Z',
      userName: 'Administrateur (démo)',
      changes: [
        { path: 'muac.womanBelowMm', before: before.settings.muac.womanBelowMm, after: 210 },
        {
          path: 'himoDefaultDailyWageFcfa',
          before: before.settings.himoDefaultDailyWageFcfa,
          after: 2500,
        },
      ],
    });
    const invalid = await call('PUT', '/api/admin/settings', {
      ...defaultProgramSettings,
      muac: { childRedBelowMm: 130, childYellowBelowMm: 120, womanBelowMm: 230 },
    });
    expect(invalid.json()).toMatchObject({
      error: { code: 'invalid_body', details: { issues: [{ path: 'muac.childYellowBelowMm' }] } },
    });
    const backwards = await call('PUT', '/api/admin/settings', {
      ...defaultProgramSettings,
      campaign: { start: '2026-05-01', end: '2026-04-01' },
    });
    expect(backwards.json()).toMatchObject({ error: { details: { field: 'campaign.end' } } });
    const { changes } = await pullAll(s.app, dev, cursor);
    expect(changes).toEqual([
      expect.objectContaining({ entity: 'settings', version: after.version }),
    ]);
  });

  it('filters the audit log by person, action family and days', async () => {
    s.clock.advance(86_400_000);
    admin = await loginSession(s.app, 'admin'); // the day-old session has expired
    await call('PUT', `/api/admin/settings`, {
      ...defaultProgramSettings,
      transferAmountFcfa: 20000,
    });
    const mineRes = await call('GET', '/api/admin/audit?userId=user-admin&action=settings');
    expect(mineRes.statusCode, mineRes.body).toBe(200);
    const mine = mineRes.json<AuditPage>();
    expect(mine.rows.map((e) => [e.action, e.userName])).toEqual([
      ['settings.update', 'Administrateur (démo)'],
    ]);
    expect(mine.actions).toContain('settings.update');
    const day = (
      await call('GET', '/api/admin/audit?from=2026-03-16&to=2026-03-16')
    ).json<AuditPage>();
    expect(day.rows.length).toBeGreaterThan(0);
    expect(day.rows.every((e) => e.at.startsWith('2026-03-16'))).toBe(true);
    const none = (await call('GET', '/api/admin/audit?to=2026-03-14')).json<AuditPage>();
    expect(none).toMatchObject({ rows: [], total: 0 });
    const paged = (await call('GET', '/api/admin/audit?limit=1&offset=1')).json<AuditPage>();
    expect(paged.rows).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(1);
    expect(errorCode(await call('GET', '/api/admin/audit?from=hier'))).toBe('invalid_query');
  });

  it('shows what was refused, why, and from which tablet by name', async () => {
    const tablet = await registerDevice(s.app, 'enq.koro', 'Samsung');
    const res = await push(s.app, tablet, [
      createMutation(1, ciblage(1, tablet)),
      createMutation(2, ciblage(2, tablet, { villageId: GAO_VILLAGE })),
    ]);
    expect(res.statusCode).toBe(200);
    const q = (await call('GET', '/api/admin/quarantine')).json<QuarantinePage>();
    expect(q.total).toBe(1);
    const name = (await s.db.accounts.userByLogin('enq.koro'))?.name ?? '';
    expect(q.rows[0]).toMatchObject({
      deviceName: `Tablette de ${name} n° 1`,
      userName: name,
      mutationId: 2,
      reasonCode: 'forbidden',
      recordType: 'ciblage_household',
      reason: expect.any(String),
    });
    const filtered = (
      await call('GET', '/api/admin/quarantine?reasonCode=validation')
    ).json<QuarantinePage>();
    expect(filtered.total).toBe(0);
  });
});
