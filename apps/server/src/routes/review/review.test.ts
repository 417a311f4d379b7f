import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchDetailResponseSchema } from '@jigi/contract';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  headMemberId,
  patchMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Batches = {
  total: number;
  rows: {
    number: number;
    userName: string;
    counts: Record<string, number>;
    statusCounts: Record<string, number>;
  }[];
};

describe('review API', () => {
  let s: TestServer;
  let a: TestDevice;
  let sup: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
    sup = await loginSession(s.app, 'sup.koro');
  });
  afterEach(async () => {
    await s.close();
  });
  const get = (url: string, headers = sup) => s.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: object, headers = sup) =>
    s.app.inject({ method: 'POST', url, headers, payload });

  it('lists batches with filters and counts, and shows a batch with its records and refusals', async () => {
    await push(s.app, a, [
      createMutation(1, ciblage(1, a)),
      createMutation(2, ciblage(2, a, { consent: { given: true, at: 'x' } })),
    ]);
    s.clock.advance(2 * 86_400_000);
    await push(s.app, a, [createMutation(3, ciblage(3, a))]);
    // Sessions last 12 hours: the old one has expired.
    expect((await get('/api/review/batches')).statusCode).toBe(401);
    sup = await loginSession(s.app, 'sup.koro');
    const all = (await get('/api/review/batches')).json<Batches>();
    expect(all.total).toBe(2);
    expect(all.rows.map((b) => b.number)).toEqual([2, 1]);
    expect(all.rows[1]).toMatchObject({
      userName: 'Enquêteur Koro (démo)',
      counts: { ciblage_household: 1, rejected: 1 },
      statusCounts: { received: 1 },
    });
    expect((await get('/api/review/batches?from=2026-03-16')).json<Batches>().total).toBe(1);
    expect((await get('/api/review/batches?to=2026-03-15')).json<Batches>().total).toBe(1);
    expect((await get('/api/review/batches?recordType=ma_session')).json<Batches>().total).toBe(0);
    expect((await get('/api/review/batches?userId=user-anim-koro')).json<Batches>().total).toBe(0);
    expect((await get('/api/review/batches?zone=mopti.bankass')).json<Batches>().total).toBe(0);
    expect((await get('/api/review/batches?status=approved')).json<Batches>().total).toBe(0);
    const gao = await loginSession(s.app, 'sup.gao');
    expect((await get('/api/review/batches', gao)).json<Batches>().total).toBe(0);
    expect((await get('/api/review/batches/1', gao)).statusCode).toBe(404);
    const detail = await get('/api/review/batches/1');
    expect(detail.json()).toMatchObject({
      batch: { number: 1 },
      records: [{ id: ciblage(1, a).id, reviewStatus: 'received' }],
      rejected: [{ mutationId: 2, reasonCode: 'validation_failed' }],
    });
    // Each record carries its current data (the console shows the household, not « Fiche 1 »), and
    // the answer is exactly what its documented schema says.
    const parsed = batchDetailResponseSchema.parse(detail.json());
    expect(parsed).toEqual(detail.json());
    expect(parsed.records[0]?.data).toEqual((await s.db.sync.recordById(ciblage(1, a).id))?.data);
    expect(parsed.records[0]?.data['members']).toEqual(ciblage(1, a)['members']);
    await push(s.app, a, [patchMutation(4, ciblage(1, a), 1, { 'dwelling.roomsCount': 7 })]);
    const edited = batchDetailResponseSchema.parse((await get('/api/review/batches/1')).json());
    expect(edited.records[0]).toMatchObject({ version: 2, data: { dwelling: { roomsCount: 7 } } });
    expect(
      (await s.db.audit.recent(10)).some(
        (e) => e.action === 'batch.read' && e.userId === 'user-sup-koro',
      ),
    ).toBe(true);
  });

  it('shows a record with its warnings and full history, and logs the read', async () => {
    const rec = ciblage(1, a, {
      members: (ciblage(1, a)['members'] as { id: string }[]).map((m) =>
        m.id === headMemberId ? { ...m, ageYears: 16 } : m,
      ),
    });
    const res = await push(s.app, a, [createMutation(1, rec)]);
    expect(res.json()).toMatchObject({
      results: [{ outcome: 'applied', warnings: [{ severity: 'warning' }] }],
    });
    await push(s.app, a, [patchMutation(2, rec, 1, { 'dwelling.roomsCount': 5 })]);
    const detail = (await get(`/api/review/records/${rec.id}`)).json<{
      record: { warnings: { severity: string }[]; createdByName: string };
      versions: { version: number; op: string; changes: unknown; userName: string }[];
    }>();
    expect(detail.record.warnings.length).toBeGreaterThan(0);
    expect(detail.record.createdByName).toBe('Enquêteur Koro (démo)');
    expect(detail.versions.map((v) => [v.version, v.op])).toEqual([
      [1, 'create'],
      [2, 'patch'],
    ]);
    expect(detail.versions[1]?.changes).toEqual({ 'dwelling.roomsCount': 5 });
    expect(
      (await s.db.audit.recent(5)).some((e) => e.action === 'record.read' && e.entityId === rec.id),
    ).toBe(true);
  });

  it('bulk decisions are all or nothing', async () => {
    const gaoRecord = '00000000-0000-4000-8fff-000000000001';
    await push(s.app, a, [createMutation(1, ciblage(1, a)), createMutation(2, ciblage(2, a))]);
    const ids = [ciblage(1, a).id, ciblage(2, a).id];
    const refused = await post('/api/review/decisions', {
      decision: 'approve',
      recordIds: [...ids, gaoRecord],
    });
    expect(refused.statusCode).toBe(404);
    expect(
      await Promise.all(ids.map(async (id) => (await s.db.sync.recordById(id))?.reviewStatus)),
    ).toEqual(['received', 'received']);
    const ok = await post('/api/review/decisions', { decision: 'approve', recordIds: ids });
    expect(ok.json()).toEqual({
      results: ids.map((recordId) => ({ recordId, reviewStatus: 'approved' })),
    });
    expect(
      (await get('/api/review/batches?status=approved')).json<Batches>().rows[0]?.statusCounts,
    ).toEqual({ approved: 2 });
    const rejected = await post(`/api/review/records/${ids[0]}/decision`, {
      decision: 'reject',
      comment: 'Ménage hors programme',
    });
    expect(rejected.json()).toEqual({ recordId: ids[0], reviewStatus: 'rejected' });
    expect((await s.db.review.reviewDecisions(ids[0]!)).map((d) => d.decision)).toEqual([
      'approve',
      'reject',
    ]);
  });

  it('lists duplicate households and resolves them either way', async () => {
    await push(s.app, a, [
      createMutation(1, ciblage(1, a)),
      createMutation(2, ciblage(2, a)),
      createMutation(3, ciblage(3, a, { headPhone: '+22366000000', headIdNo: '99999999999999Z' })),
    ]);
    const list = (await get('/api/review/duplicates')).json<{
      candidates: { reasons: string[]; recordIds: string[] }[];
    }>();
    const pair = [ciblage(1, a).id, ciblage(2, a).id].sort();
    // Matched on both the phone and the NINA: one group, both reasons.
    expect(list.candidates).toEqual([
      expect.objectContaining({ reasons: ['phone', 'nina'], recordIds: pair }),
    ]);
    expect(list.candidates.every((c) => !c.recordIds.includes(ciblage(3, a).id))).toBe(true);
    const merged = await post('/api/review/duplicates/resolve', {
      action: 'merge',
      recordIds: pair,
      keepRecordId: ciblage(1, a).id,
    });
    expect(merged.statusCode).toBe(200);
    expect((await s.db.sync.recordById(ciblage(2, a).id))?.reviewStatus).toBe('rejected');
    expect(
      (await get('/api/review/duplicates')).json<{ candidates: unknown[] }>().candidates,
    ).toEqual([]);
  });

  it('serves dashboard figures inside the supervisor’s zones', async () => {
    await push(s.app, a, [createMutation(1, ciblage(1, a)), createMutation(2, ciblage(2, a))]);
    const koro = (await get('/api/dashboard/ciblage')).json<{
      villages: { villageId: string; surveyed: number }[];
    }>();
    expect(koro.villages.map((v) => [v.villageId, v.surveyed])).toEqual([
      ['village-koro-demo-1', 2],
      ['village-koro-demo-2', 0],
    ]);
    const gao = (await get('/api/dashboard/ciblage', await loginSession(s.app, 'sup.gao'))).json<{
      villages: { villageId: string; surveyed: number }[];
    }>();
    expect(gao.villages).toEqual([
      expect.objectContaining({ villageId: 'village-gao-demo-1', surveyed: 0 }),
    ]);
    const sync = (await get('/api/dashboard/sync')).json<{ devices: { deviceId: string }[] }>();
    expect(sync.devices.map((d) => d.deviceId)).toContain(a.deviceId);
    for (const section of ['ma', 'pnp', 'himo'])
      expect((await get(`/api/dashboard/${section}`)).statusCode).toBe(200);
  });
});
