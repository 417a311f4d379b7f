import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  BANKASS_VILLAGE,
  ciblage,
  createMutation,
  deleteMutation,
  headMemberId,
  patchMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Body = {
  results: {
    outcome: string;
    version?: number;
    error?: { code: string; message?: string; issues?: unknown[] };
    conflictPaths?: string[];
  }[];
  lastMutationId: number;
  batchNumber: number | null;
};

describe('POST /api/sync/push', () => {
  let s: TestServer;
  let a: TestDevice;
  let b: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro', 'Tablette A');
    b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
  });
  afterEach(async () => {
    await s.close();
  });

  const versions = async (id: string) => (await s.db.sync.recordVersions(id)).length;
  const batches = async () => (await s.db.sync.listBatches({ limit: 100, offset: 0 })).total;

  it('applies a create, and a replay of the same push after a lost response returns the stored results without writing', async () => {
    const rec = ciblage(1, a);
    const first = await push(s.app, a, [createMutation(1, rec)], {
      batchId: '00000000-0000-4000-b111-000000000001',
    });
    expect(first.statusCode).toBe(200);
    const body = first.json<Body>();
    expect(body).toMatchObject({
      lastMutationId: 1,
      batchNumber: 1,
      results: [{ outcome: 'applied', version: 1 }],
    });
    // The response is "lost": the tablet sends the identical push again.
    const replay = await push(s.app, a, [createMutation(1, rec)], {
      batchId: '00000000-0000-4000-b111-000000000001',
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json<Body>().results).toEqual(body.results);
    expect(replay.json<Body>().batchNumber).toBeNull();
    expect(await versions(rec.id)).toBe(1);
    expect(await batches()).toBe(1);
    // One audited push, not two: the replay wrote nothing.
    expect((await s.db.audit.recent(100)).filter((e) => e.action === 'sync.push')).toHaveLength(1);
    expect(await s.db.sync.batchByNumber(1)).toMatchObject({
      deviceId: a.deviceId,
      userId: 'user-enq-koro',
      counts: { ciblage_household: 1 },
      villages: ['village-koro-demo-1'],
      clockOffsetMs: 60_000,
    });
  });

  it('stores the tablet’s clock offset estimate, so a batch first delivered an hour late keeps its offset', async () => {
    // Both batches were frozen at 09:59 (clientTime) on tablets whose clock runs 5 minutes slow.
    const onTime = await push(s.app, a, [createMutation(1, ciblage(1, a))], {
      clockOffsetMs: 300_000,
    });
    s.clock.advance(3_600_000);
    const late = await push(s.app, b, [createMutation(1, ciblage(2, b))], {
      clockOffsetMs: 300_000,
    });
    const offsetOf = async (res: typeof onTime) =>
      (await s.db.sync.batchByNumber(res.json<Body>().batchNumber ?? 0))?.clockOffsetMs;
    expect(await offsetOf(onTime)).toBe(300_000);
    expect(await offsetOf(late)).toBe(300_000);
    expect((await s.db.sync.batchByNumber(late.json<Body>().batchNumber ?? 0))?.receivedAt).toBe(
      '2026-03-15T11:00:00.000Z',
    );
    // Without an estimate (older app), the offset is computed from the frozen clientTime: 1 h 1 min.
    const computed = await push(s.app, a, [createMutation(2, ciblage(3, a))]);
    expect(await offsetOf(computed)).toBe(3_660_000);
  });

  it('gives exactly-once effect when the same push arrives twice at once', async () => {
    const recs = [ciblage(1, a), ciblage(2, a), ciblage(3, a)];
    const mutations = recs.map((r, i) => createMutation(i + 1, r));
    const [x, y] = await Promise.all([push(s.app, a, mutations), push(s.app, a, mutations)]);
    expect(x.statusCode).toBe(200);
    expect(y.statusCode).toBe(200);
    expect(x.json<Body>().results).toEqual(y.json<Body>().results);
    expect(await batches()).toBe(1);
    for (const r of recs) expect(await versions(r.id)).toBe(1);
    expect((await s.db.accounts.deviceById(a.deviceId))?.lastMutationId).toBe(3);
  });

  it('answers a gap with 409 and the expected id, writing nothing', async () => {
    await push(s.app, a, [createMutation(1, ciblage(1, a))]);
    const res = await push(s.app, a, [createMutation(3, ciblage(3, a))]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'mutation_gap', kind: 'gap', details: { expectedMutationId: 2 } },
    });
    expect(await s.db.sync.recordById(ciblage(3, a).id)).toBeUndefined();
    expect(await batches()).toBe(1);
  });

  it('rejects a poisoned mutation, consumes its id, quarantines it and applies the ones after it', async () => {
    const bad = ciblage(1, a, {
      consent: { given: true, at: 'pas une date' },
      interviewDate: '2030-01-01',
    });
    const res = await push(s.app, a, [
      createMutation(1, bad),
      createMutation(2, ciblage(2, a)),
      createMutation(3, ciblage(3, a)),
    ]);
    const body = res.json<Body>();
    expect(res.statusCode).toBe(200);
    expect(body.results.map((r) => r.outcome)).toEqual(['rejected', 'applied', 'applied']);
    expect(body.results[0]?.error?.code).toBe('validation_failed');
    expect(body.results[0]?.error?.issues?.length).toBeGreaterThan(0);
    expect(body.lastMutationId).toBe(3);
    expect(await s.db.sync.recordById(bad.id)).toBeUndefined();
    const quarantined = await s.db.sync.listQuarantine(a.deviceId);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ mutationId: 1, reasonCode: 'validation_failed' });
    // The next push goes on from 4: the rejected id stays consumed.
    const next = await push(s.app, a, [createMutation(4, ciblage(4, a))]);
    expect(next.json<Body>().results[0]?.outcome).toBe('applied');
    expect((await s.db.sync.batchByNumber(1))?.counts).toEqual({
      rejected: 1,
      ciblage_household: 2,
    });
  });

  it('refuses writes outside the user’s zones or role as forbidden and writes no record', async () => {
    const outside = ciblage(1, a, { villageId: BANKASS_VILLAGE });
    const res = await push(s.app, a, [
      createMutation(1, outside),
      {
        ...createMutation(2, ciblage(2, a)),
        recordType: 'ma_session',
        record: { ...ciblage(2, a), type: 'ma_session' },
      },
    ]);
    const body = res.json<Body>();
    expect(body.results.map((r) => [r.outcome, r.error?.code])).toEqual([
      ['rejected', 'forbidden'],
      ['rejected', 'forbidden'],
    ]);
    expect(await s.db.sync.recordById(outside.id)).toBeUndefined();
    // The refusal names the village as the enumerator knows it, never by its id alone.
    const bankass = await s.db.reference.villageById(BANKASS_VILLAGE);
    expect(body.results[0]?.error?.message).toBe(
      `Village « ${bankass?.name ?? '?'} » : hors de vos zones, la fiche n’a pas été enregistrée.`,
    );
    expect(body.results[0]?.error?.message).not.toContain(BANKASS_VILLAGE);
    expect(await s.db.sync.listQuarantine()).toHaveLength(2);
    // Moving an existing record out of zone by a patch is refused too.
    const rec = ciblage(3, a);
    await push(s.app, a, [createMutation(3, rec)]);
    const move = await push(s.app, a, [patchMutation(4, rec, 1, { villageId: BANKASS_VILLAGE })]);
    expect(move.json<Body>().results[0]?.error?.code).toBe('forbidden');
    expect((await s.db.sync.recordById(rec.id))?.villageId).toBe('village-koro-demo-1');
  });

  it('rejects an unknown record type without blocking the queue', async () => {
    const res = await push(s.app, a, [
      { ...createMutation(1, { ...ciblage(1, a), type: 'complaint' }), recordType: 'complaint' },
      createMutation(2, ciblage(2, a)),
    ]);
    expect(res.json<Body>().results.map((r) => r.error?.code ?? r.outcome)).toEqual([
      'unsupported_record_type',
      'applied',
    ]);
  });

  it('merges disjoint fields edited on two tablets from the same version', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    const ra = await push(s.app, a, [patchMutation(2, rec, 1, { 'dwelling.roomsCount': 4 })]);
    const rb = await push(s.app, b, [patchMutation(1, rec, 1, { 'land.areaHa': 3.5 })]);
    expect(ra.json<Body>().results[0]).toMatchObject({ outcome: 'applied', version: 2 });
    expect(rb.json<Body>().results[0]).toMatchObject({ outcome: 'merged', version: 3 });
    const stored = await s.db.sync.recordById(rec.id);
    expect(stored?.data).toMatchObject({ dwelling: { roomsCount: 4 }, land: { areaHa: 3.5 } });
    expect(await s.db.review.listConflicts({})).toHaveLength(0);
    expect(await versions(rec.id)).toBe(3);
  });

  it('queues a conflict on a critical field and keeps the server value', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    await push(s.app, a, [
      patchMutation(2, rec, 1, { [`members.${headMemberId}.firstName`]: 'Hamadoun' }),
    ]);
    const rb = await push(s.app, b, [
      patchMutation(1, rec, 1, {
        [`members.${headMemberId}.firstName`]: 'Amadou-Bakary',
        'dwelling.roomsCount': 5,
      }),
    ]);
    expect(rb.json<Body>().results[0]).toMatchObject({
      outcome: 'conflict_queued',
      conflictPaths: [`members.${headMemberId}.firstName`],
    });
    const conflicts = await s.db.review.listConflicts({ status: 'open' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      serverValue: 'Hamadoun',
      incomingValue: 'Amadou-Bakary',
      serverBy: a.deviceId,
      deviceId: b.deviceId,
      baseVersion: 1,
    });
    const stored = await s.db.sync.recordById(rec.id);
    expect(stored?.data).toMatchObject({ dwelling: { roomsCount: 5 } });
    expect(JSON.stringify(stored?.data)).toContain('Hamadoun');
  });

  it('delete then edit: the edit is rejected as record_deleted', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    expect(
      (await push(s.app, a, [deleteMutation(2, rec, 1)])).json<Body>().results[0]?.outcome,
    ).toBe('applied');
    const edit = await push(s.app, b, [patchMutation(1, rec, 1, { 'dwelling.roomsCount': 2 })]);
    expect(edit.json<Body>().results[0]?.error?.code).toBe('record_deleted');
    expect((await s.db.sync.recordById(rec.id))?.deleted).toBe(true);
    expect(await s.db.sync.listQuarantine(b.deviceId)).toHaveLength(1);
  });

  it('edit then delete from the old version: the delete is refused as stale and the edit survives', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    await push(s.app, b, [patchMutation(1, rec, 1, { 'dwelling.roomsCount': 2 })]);
    const del = await push(s.app, a, [deleteMutation(2, rec, 1)]);
    expect(del.json<Body>().results[0]?.error?.code).toBe('stale_delete');
    const stored = await s.db.sync.recordById(rec.id);
    expect(stored).toMatchObject({ deleted: false, version: 2 });
    expect(stored?.data).toMatchObject({ dwelling: { roomsCount: 2 } });
  });
});
