import { pushRequestSchema } from '@jigi/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { testKeys } from '../test-support/db';
import { JigiDb, useDatabaseInstance } from './db';
import { freezeNextBatch } from './sync-freeze';
import { syncBatches } from './sync-types';

const name = () => `schema-v3-${Math.random().toString(36).slice(2)}`;
const R = '0b6f3c1e-1111-4aaa-8bbb-00000000000';
const B = '0b6f3c1e-2222-4aaa-8bbb-000000000001';

// The rows of these older shapes are read back as their owner would, with a key held.
beforeEach(() => {
  testKeys();
});

describe('schema v2 → v3 (syncBatches)', () => {
  it("keeps every row; the first sync's in-flight mutations get a frozen batch at the next freeze", async () => {
    const dbName = name();
    const v2 = new JigiDb(dbName, 2);
    await v2.open();
    await v2.table('syncState').add({
      userId: 'u1',
      deviceId: 'dev-1',
      deviceToken: 't'.repeat(24),
      nextMutationId: 3,
      pullCursor: 'e1.4',
      clockOffsetMs: 1200,
    });
    const record = { id: `${R}1`, type: 'ciblage_household', villageId: 'v1' };
    await v2.table('records').add({
      id: record.id,
      type: record.type,
      agentId: 'u1',
      villageId: 'v1',
      record,
      syncStatus: 'finalised',
      serverVersion: null,
      baseVersion: null,
      finalisedAt: 'x',
      updatedAt: 'x',
      searchText: '',
    });
    await v2.table('outbox').bulkAdd([
      {
        userId: 'u1',
        recordId: `${R}1`,
        recordType: 'ciblage_household',
        op: 'create',
        baseVersion: 0,
        record,
        clientTime: '2026-03-15T09:00:00.000Z',
        state: 'in_flight',
        batchId: B,
        mutationId: 1,
      },
      {
        userId: 'u1',
        recordId: `${R}2`,
        recordType: 'ciblage_household',
        op: 'patch',
        baseVersion: 2,
        changes: { a: 1 },
        clientTime: '2026-03-15T09:00:00.000Z',
        state: 'in_flight',
        batchId: B,
        mutationId: 2,
      },
      {
        userId: 'u1',
        recordId: `${R}3`,
        recordType: 'ciblage_household',
        op: 'patch',
        baseVersion: 2,
        changes: { b: 1 },
        clientTime: '2026-03-15T09:01:00.000Z',
        state: 'pending',
      },
    ]);
    v2.close();

    const v3 = new JigiDb(dbName);
    await v3.open();
    expect(v3.verno).toBeGreaterThanOrEqual(3);
    expect(await v3.outbox.count()).toBe(3);
    expect(await v3.records.get(record.id)).toMatchObject({ syncStatus: 'finalised' });
    expect(await syncBatches(v3).count()).toBe(0);
    useDatabaseInstance(v3);
    const next = await freezeNextBatch({
      userId: 'u1',
      newBatchId: () => B,
      now: 'x',
      jsonBudget: 1e6,
      maxMutations: 200,
    });
    expect(next.ok && next.value?.batchId).toBe(B);
    const [batch] = await syncBatches(v3).toArray();
    expect(batch).toMatchObject({
      batchId: B,
      userId: 'u1',
      firstMutationId: 1,
      lastMutationId: 2,
    });
    const body = pushRequestSchema.parse(JSON.parse(batch?.body ?? ''));
    expect(body).toMatchObject({ deviceId: 'dev-1', clockOffsetMs: 1200 });
    expect(body.mutations.map((m) => [m.mutationId, m.op])).toEqual([
      [1, 'create'],
      [2, 'patch'],
    ]);
    // Once that batch is answered, the pending change is frozen from id 3.
    await syncBatches(v3).clear();
    await v3.outbox.where('state').equals('in_flight').delete();
    const after = await freezeNextBatch({
      userId: 'u1',
      newBatchId: () => `${B.slice(0, -1)}2`,
      now: '2026-03-15T10:00:00.000Z',
      jsonBudget: 1e6,
      maxMutations: 200,
    });
    expect(after.ok && after.value).toMatchObject({ firstMutationId: 3, lastMutationId: 3 });
    v3.close();
  });
});
