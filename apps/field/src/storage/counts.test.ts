import { beforeEach, describe, expect, it } from 'vitest';
import { testKeys } from '../test-support/db';
import { JigiDb, useDatabase, useDatabaseInstance } from './db';
import { localCounts } from './counts';
import type { SyncStatus } from './types';

const name = () => `counts-${Math.random().toString(36).slice(2)}`;

function recordRow(id: string, agentId: string, syncStatus: SyncStatus) {
  const record = { id, type: 'ciblage_household', villageId: 'v1' };
  return {
    id,
    type: record.type,
    agentId,
    villageId: 'v1',
    record,
    syncStatus,
    serverVersion: null,
    baseVersion: null,
    finalisedAt: 'x',
    updatedAt: 'x',
    searchText: '',
  };
}

function draftRow(id: string, agentId: string) {
  return {
    id,
    type: 'pnp_enrolment',
    agentId,
    villageId: 'v1',
    record: { id, type: 'pnp_enrolment' },
    position: { section: 'household' },
    editsFinalised: false,
    createdAt: 'x',
    updatedAt: 'x',
    searchText: '',
  };
}

beforeEach(() => {
  testKeys();
});

describe('status bar counts', () => {
  it('counts unsent, to-correct records and drafts of this agent only', async () => {
    const d = useDatabase(name());
    const statuses: SyncStatus[] = [
      'finalised',
      'finalised',
      'synced',
      'returned',
      'conflict',
      'rejected',
      'synced',
    ];
    await d.records.bulkAdd(statuses.map((s, i) => recordRow(`r${i}`, 'u1', s)));
    // Another agent on the same tablet: none of their rows count for u1.
    await d.records.bulkAdd(
      (['finalised', 'returned', 'rejected'] as SyncStatus[]).map((s, i) =>
        recordRow(`o${i}`, 'u2', s),
      ),
    );
    await d.drafts.bulkAdd([draftRow('d1', 'u1'), draftRow('d2', 'u1'), draftRow('d3', 'u2')]);

    // unsent = finalised (2) + rejected (1); to correct = returned (1) + rejected (1).
    expect(await localCounts('u1')).toEqual({ unsynced: 3, drafts: 2, toCorrect: 2 });
    expect(await localCounts('u2')).toEqual({ unsynced: 2, drafts: 1, toCorrect: 2 });
    expect(await localCounts('nobody')).toEqual({ unsynced: 0, drafts: 0, toCorrect: 0 });

    await d.records.update('r0', { syncStatus: 'synced' });
    expect((await localCounts('u1')).unsynced).toBe(2);
    d.close();
  });

  it('v3 → v4: existing records are counted through the new [agentId+syncStatus] index', async () => {
    const dbName = name();
    const v3 = new JigiDb(dbName, 3);
    await v3.open();
    await v3
      .table('records')
      .bulkAdd([
        recordRow('r1', 'u1', 'finalised'),
        recordRow('r2', 'u1', 'returned'),
        recordRow('r3', 'u1', 'synced'),
      ]);
    v3.close();

    const v4 = new JigiDb(dbName, 4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await v4.records.count()).toBe(3);
    expect(await v4.records.where('[agentId+syncStatus]').equals(['u1', 'returned']).count()).toBe(
      1,
    );
    useDatabaseInstance(v4);
    expect(await localCounts('u1')).toEqual({ unsynced: 1, drafts: 0, toCorrect: 1 });
    v4.close();
  });
});
