import { buildCiblageHousehold } from '@jigi/domain/testing';
import { pushRequestSchema } from '@jigi/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import type { JigiDb } from './db';
import { finaliseRecord } from './records';
import { recordAttempt, renumberOpenBatches, splitBatch } from './sync-batches';
import { freezeNextBatch, openBatches } from './sync-freeze';
import { applyPushAnswer } from './sync-push-results';
import { saveRegistration } from './sync-state';
import { syncBatches, type SyncRecordRow } from './sync-types';
import type { AnyRecord, OutboxRow } from './types';

const U = 'user-1';
const T = '2026-03-15T09:00:00.000Z';
let db: JigiDb;
let ids = 0;
const newId = () => `0b6f3c1e-2222-4aaa-8bbb-${String(++ids).padStart(12, '0')}`;
const rec = (n: number, over: Record<string, unknown> = {}): AnyRecord =>
  buildCiblageHousehold({ id: `0b6f3c1e-1111-4aaa-8bbb-${String(n).padStart(12, '0')}`, ...over });
const freeze = (over: Partial<Parameters<typeof freezeNextBatch>[0]> = {}) =>
  freezeNextBatch({
    userId: U,
    newBatchId: newId,
    now: T,
    jsonBudget: 1_000_000,
    maxMutations: 200,
    ...over,
  });
const body = (text: string) => pushRequestSchema.parse(JSON.parse(text));

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(U, 'dev-1', 'token-token-token-token');
});

describe('freezing batches', () => {
  it('compacts pending rows, numbers them from the device counter, and freezes a valid push body', async () => {
    const a = rec(1);
    await finaliseRecord({ record: a, agentId: U, now: T });
    await finaliseRecord({ record: { ...a, headPhone: '+22376000001' }, agentId: U, now: T });
    await finaliseRecord({ record: rec(2), agentId: U, now: T });
    const res = await freeze({ clockOffsetMs: 1234 });
    const batch = res.ok ? res.value : null;
    expect(batch).toMatchObject({ firstMutationId: 1, lastMutationId: 2, attempts: 0 });
    const push = body(batch?.body ?? '');
    expect(push.clockOffsetMs).toBe(1234);
    expect(push.mutations.map((m) => [m.mutationId, m.op, m.recordId])).toEqual([
      [1, 'create', a.id],
      [2, 'create', rec(2).id],
    ]);
    expect(push.mutations[0]?.op === 'create' && push.mutations[0].record['headPhone']).toBe(
      '+22376000001',
    );
    expect(
      (await db.outbox.orderBy('seq').toArray()).map((r) => [r.state, r.mutationId, r.batchId]),
    ).toEqual([
      ['in_flight', 1, batch?.batchId],
      ['in_flight', 2, batch?.batchId],
    ]);
    expect((await db.syncState.get(U))?.nextMutationId).toBe(3);
  });

  it('returns the same frozen batch until it is answered, while edits behind it stay pending', async () => {
    const a = rec(1);
    await finaliseRecord({ record: a, agentId: U, now: T });
    const first = await freeze();
    await finaliseRecord({ record: { ...a, headPhone: '+22376000002' }, agentId: U, now: T });
    await recordAttempt(first.ok ? (first.value?.batchId ?? '') : '');
    const again = await freeze();
    expect(again.ok && again.value?.body).toBe(first.ok && first.value?.body);
    expect(again.ok && again.value?.attempts).toBe(1);
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    // Once answered, the pending patch (based on the unacknowledged create, 0) goes from version 1.
    await applyPushAnswer({
      userId: U,
      batchId: first.ok ? (first.value?.batchId ?? '') : '',
      results: [{ mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 }],
      now: T,
    });
    const next = await freeze();
    const push = body(next.ok ? (next.value?.body ?? '') : '');
    expect(push.mutations).toMatchObject([
      { mutationId: 2, op: 'patch', baseVersion: 1, changes: { headPhone: '+22376000002' } },
    ]);
    expect(await db.records.get(a.id)).toMatchObject({ syncStatus: 'finalised', serverVersion: 1 });
  });

  it('caps a batch by JSON bytes but always takes one mutation', async () => {
    for (let n = 1; n <= 5; n++) await finaliseRecord({ record: rec(n), agentId: U, now: T });
    const small = await freeze({ jsonBudget: 10 });
    expect(
      small.ok && small.value && small.value.lastMutationId - small.value.firstMutationId + 1,
    ).toBe(1);
    const all = await freeze({ alwaysNew: true, jsonBudget: 1_000_000, maxMutations: 3 });
    expect(all.ok && all.value).toMatchObject({ firstMutationId: 2, lastMutationId: 4 });
    const open = await openBatches(U);
    expect(open.ok && open.value.map((b) => b.firstMutationId)).toEqual([1, 2]);
  });

  it('takes out a change the protocol would refuse whole, marking its record rejected', async () => {
    const a = rec(1);
    await finaliseRecord({ record: a, agentId: U, now: T });
    await db.outbox
      .toCollection()
      .modify({ op: 'patch', baseVersion: 2, changes: { 'bad..path': 1 } });
    await finaliseRecord({ record: rec(2), agentId: U, now: T });
    const res = await freeze();
    expect(res.ok && body(res.value?.body ?? '').mutations.map((m) => m.recordId)).toEqual([
      rec(2).id,
    ]);
    const row = (await db.records.get(a.id)) as SyncRecordRow;
    expect(row.syncStatus).toBe('rejected');
    expect(row.rejection?.code).toBe('invalid_change');
  });

  it('splits a frozen batch keeping ids and bytes of each mutation; renumbers after a gap', async () => {
    for (let n = 1; n <= 4; n++) await finaliseRecord({ record: rec(n), agentId: U, now: T });
    const frozen = await freeze();
    const batchId = frozen.ok ? (frozen.value?.batchId ?? '') : '';
    const split = await splitBatch(batchId, 1, [newId(), newId()]);
    expect(split.ok && split.value?.map((b) => [b.firstMutationId, b.lastMutationId])).toEqual([
      [1, 1],
      [2, 4],
    ]);
    const original = body(frozen.ok ? (frozen.value?.body ?? '') : '').mutations.map((m) =>
      JSON.stringify(m),
    );
    const parts = (split.ok && split.value ? split.value : []).flatMap((b) =>
      body(b.body).mutations.map((m) => JSON.stringify(m)),
    );
    expect(parts).toEqual(original);
    expect(await syncBatches(db).count()).toBe(2);

    const renumbered = await renumberOpenBatches(U, 1);
    expect(
      renumbered.ok && renumbered.value.map((b) => [b.firstMutationId, b.lastMutationId]),
    ).toEqual([
      [1, 1],
      [2, 4],
    ]);
    const after = await renumberOpenBatches(U, 7);
    expect(
      after.ok && after.value.map((b) => body(b.body).mutations.map((m) => m.mutationId)),
    ).toEqual([[7], [8, 9, 10]]);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.mutationId)).toEqual([
      7, 8, 9, 10,
    ]);
    expect((await db.syncState.get(U))?.nextMutationId).toBe(11);
  });
});

describe('freezing reads only the head of the outbox', () => {
  const pendingCreate = (n: number): OutboxRow => ({
    userId: U,
    recordId: rec(n).id,
    recordType: 'ciblage_household',
    op: 'create',
    baseVersion: 0,
    record: rec(n),
    clientTime: T,
    state: 'pending',
  });
  const pendingPatch = (n: number, changes: Record<string, unknown>): OutboxRow => ({
    userId: U,
    recordId: rec(n).id,
    recordType: 'ciblage_household',
    op: 'patch',
    baseVersion: 0,
    changes,
    clientTime: T,
    state: 'pending',
  });
  const countReads = () => {
    const counter = { rows: 0 };
    db.outbox.hook('reading', (row) => {
      counter.rows++;
      return row;
    });
    return counter;
  };

  it('freezes 200 of 5 000 pending rows reading about a batch, folding a later edit of a record it sends', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => pendingCreate(i + 1));
    rows.push(pendingPatch(3, { headPhone: '+22376000003' }));
    await db.outbox.bulkAdd(rows);
    const reads = countReads();
    const res = await freeze();
    const push = body(res.ok ? (res.value?.body ?? '') : '');
    expect(push.mutations).toHaveLength(200);
    expect(push.mutations.map((m) => m.recordId)).toEqual(
      Array.from({ length: 200 }, (_, i) => rec(i + 1).id),
    );
    expect(push.mutations[2]?.op === 'create' && push.mutations[2].record['headPhone']).toBe(
      '+22376000003',
    );
    // The window (200 rows) and the other rows of its records (1): not the 5 001 of the outbox.
    expect(reads.rows).toBeLessThanOrEqual(201);
    expect(await db.outbox.where('state').equals('pending').count()).toBe(4_800);
    expect(await db.outbox.where('state').equals('in_flight').count()).toBe(200);
  });

  it('reads further windows when the first one holds few records, and compacts each record whole', async () => {
    await db.outbox.bulkAdd([
      pendingCreate(1),
      ...Array.from({ length: 300 }, (_, i) => pendingPatch(1, { householdCode: `KOR-${i}` })),
      pendingCreate(2),
      pendingPatch(2, { headPhone: '+22376000002' }),
    ]);
    const res = await freeze({ maxMutations: 200 });
    const push = body(res.ok ? (res.value?.body ?? '') : '');
    expect(push.mutations.map((m) => [m.op, m.recordId])).toEqual([
      ['create', rec(1).id],
      ['create', rec(2).id],
    ]);
    expect(push.mutations[0]?.op === 'create' && push.mutations[0].record['householdCode']).toBe(
      'KOR-299',
    );
    expect(push.mutations[1]?.op === 'create' && push.mutations[1].record['headPhone']).toBe(
      '+22376000002',
    );
    expect(await db.outbox.count()).toBe(2);
  });

  it('never sends a row compacted behind the window ahead of a row before it', async () => {
    // Record 1 is deleted then created again (a delete folds with nothing after it): its second run
    // starts after record 2's create, which it may refer to, so it waits for the next batch.
    const deleted: OutboxRow = {
      userId: U,
      recordId: rec(1).id,
      recordType: 'ciblage_household',
      op: 'delete',
      baseVersion: 3,
      clientTime: T,
      state: 'pending',
    };
    await db.outbox.bulkAdd([deleted, pendingCreate(2), pendingCreate(1), pendingCreate(3)]);
    const first = await freeze({ maxMutations: 2 });
    expect(
      body(first.ok ? (first.value?.body ?? '') : '').mutations.map((m) => [m.op, m.recordId]),
    ).toEqual([
      ['delete', rec(1).id],
      ['create', rec(2).id],
    ]);
    const next = await freeze({ maxMutations: 2, alwaysNew: true });
    expect(
      body(next.ok ? (next.value?.body ?? '') : '').mutations.map((m) => [
        m.mutationId,
        m.op,
        m.recordId,
      ]),
    ).toEqual([
      [3, 'create', rec(1).id],
      [4, 'create', rec(3).id],
    ]);
  });

  it('freezing costs the same reads whatever the outbox holds behind the batch', async () => {
    const readsFor = async (pending: number) => {
      db = freshDb();
      await db.open();
      await saveRegistration(U, 'dev-1', 'token-token-token-token');
      await db.outbox.bulkAdd(Array.from({ length: pending }, (_, i) => pendingCreate(i + 1)));
      const reads = countReads();
      await freeze({ maxMutations: 50 });
      return reads.rows;
    };
    const small = await readsFor(100);
    expect(await readsFor(3_000)).toBe(small);
  });
});

describe('applying a push answer', () => {
  it('marks rejected, conflict and accepted records, drops the batch, and is idempotent', async () => {
    const [a, b, c] = [rec(1), rec(2), rec(3)];
    for (const r of [a, b, c]) await finaliseRecord({ record: r, agentId: U, now: T });
    const frozen = await freeze();
    const batchId = frozen.ok ? (frozen.value?.batchId ?? '') : '';
    const results = [
      { mutationId: 1, recordId: a.id, outcome: 'applied' as const, version: 1 },
      {
        mutationId: 2,
        recordId: b.id,
        outcome: 'rejected' as const,
        error: {
          code: 'validation_failed' as const,
          message: 'Âge du chef invalide',
          issues: [
            {
              path: 'members',
              rule: 'r',
              severity: 'error' as const,
              message: 'Âge du chef invalide',
            },
          ],
        },
      },
      {
        mutationId: 3,
        recordId: c.id,
        outcome: 'conflict_queued' as const,
        version: 2,
        conflictPaths: ['householdCode'],
        appliedPaths: [],
      },
    ];
    const tally = await applyPushAnswer({ userId: U, batchId, results, now: T });
    expect(tally).toEqual({
      ok: true,
      value: {
        acknowledged: 3,
        accepted: 2,
        duplicates: 0,
        conflicts: 1,
        rejections: [
          { recordId: b.id, code: 'validation_failed', message: 'Âge du chef invalide' },
        ],
      },
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await syncBatches(db).count()).toBe(0);
    const rows = (await db.records.bulkGet([a.id, b.id, c.id])) as SyncRecordRow[];
    expect(rows.map((r) => r.syncStatus)).toEqual(['synced', 'rejected', 'conflict']);
    expect(rows[0]?.serverVersion).toBe(1);
    expect(rows[1]?.rejection).toMatchObject({
      code: 'validation_failed',
      message: 'Âge du chef invalide',
      mutationId: 2,
    });
    expect(rows[1]?.rejection?.issues).toHaveLength(1);
    expect(rows[2]?.conflictPaths).toEqual(['householdCode']);
    const again = await applyPushAnswer({ userId: U, batchId, results, now: T });
    expect(again.ok && again.value.acknowledged).toBe(0);
  });
});

describe('applying a push answer reads only its batch', () => {
  it('answering the first of three exported batches reads its rows and records, not the other batches', async () => {
    for (let n = 1; n <= 30; n++) await finaliseRecord({ record: rec(n), agentId: U, now: T });
    const frozen = [];
    for (let i = 0; i < 3; i++) {
      const res = await freeze({ alwaysNew: true, maxMutations: 10 });
      if (res.ok && res.value) frozen.push(res.value);
    }
    expect(frozen.map((b) => [b.firstMutationId, b.lastMutationId])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
    ]);
    const reads = { outbox: 0 };
    db.outbox.hook('reading', (row) => {
      reads.outbox++;
      return row;
    });
    const first = frozen[0] as NonNullable<(typeof frozen)[0]>;
    const results = body(first.body).mutations.map((m) => ({
      mutationId: m.mutationId,
      recordId: m.recordId,
      outcome: 'applied' as const,
      version: 1,
    }));
    const tally = await applyPushAnswer({ userId: U, batchId: first.batchId, results, now: T });
    expect(tally.ok && tally.value.accepted).toBe(10);
    // Its 10 rows by batch (each record's other rows by key only): never the 20 of the other batches.
    expect(reads.outbox).toBe(10);
    expect(await db.outbox.count()).toBe(20);
    expect(await syncBatches(db).count()).toBe(2);
    expect((await db.records.get(rec(1).id))?.syncStatus).toBe('synced');
    expect((await db.records.get(rec(11).id))?.syncStatus).toBe('finalised');
  });

  it('a record deleted then created again in one batch ends with the created content', async () => {
    const a = rec(1);
    await finaliseRecord({ record: a, agentId: U, now: T });
    await db.records.update(a.id, {
      serverVersion: 3,
      baseVersion: 3,
      syncStatus: 'synced',
      serverRecord: a,
    });
    await db.outbox.clear();
    await db.outbox.bulkAdd([
      {
        userId: U,
        recordId: a.id,
        recordType: a.type,
        op: 'delete',
        baseVersion: 3,
        clientTime: T,
        state: 'pending',
      },
      {
        userId: U,
        recordId: a.id,
        recordType: a.type,
        op: 'create',
        baseVersion: 0,
        record: { ...a, headPhone: '+22376000005' },
        clientTime: T,
        state: 'pending',
      },
    ]);
    const frozen = await freeze();
    const batch = frozen.ok ? frozen.value : null;
    expect(body(batch?.body ?? '').mutations.map((m) => m.op)).toEqual(['delete', 'create']);
    await applyPushAnswer({
      userId: U,
      batchId: batch?.batchId ?? '',
      results: [
        { mutationId: 1, recordId: a.id, outcome: 'applied', version: 4 },
        { mutationId: 2, recordId: a.id, outcome: 'applied', version: 5 },
      ],
      now: T,
    });
    expect(await db.records.get(a.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 5,
      serverRecord: { headPhone: '+22376000005' },
    });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('registering the tablet again', () => {
  it("under a new device id, unfreezes the old device's batches so they go again under the new ids", async () => {
    await finaliseRecord({ record: rec(1), agentId: U, now: T });
    await finaliseRecord({ record: rec(2), agentId: U, now: T });
    await freeze();
    await saveRegistration(U, 'dev-1', 'token-token-token-token-2');
    expect(await syncBatches(db).count()).toBe(1);
    await saveRegistration(U, 'dev-2', 'token-token-token-token-3');
    expect(await syncBatches(db).count()).toBe(0);
    expect((await db.outbox.toArray()).map((r) => [r.state, r.mutationId, r.batchId])).toEqual([
      ['pending', undefined, undefined],
      ['pending', undefined, undefined],
    ]);
    const again = await freeze();
    const push = body(again.ok ? (again.value?.body ?? '') : '');
    expect(push.deviceId).toBe('dev-2');
    expect(push.mutations.map((m) => m.mutationId)).toEqual([1, 2]);
  });
});
