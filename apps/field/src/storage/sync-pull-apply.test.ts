import { defaultProgramSettings } from '@jigi/domain';
import {
  buildBeneficiaryHousehold,
  buildCiblageHousehold,
  buildVillage,
  sampleIds,
} from '@jigi/domain/testing';
import { pullChangeSchema, type PullChange, type PullEntity, type RecordMeta } from '@jigi/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import type { JigiDb } from './db';
import { saveDraft } from './drafts';
import { finaliseRecord } from './records';
import { applyPullPage, requeueLost } from './sync-pull-apply';
import { saveRegistration } from './sync-state';
import type { SyncRecordRow } from './sync-types';
import type { AnyRecord } from './types';

const U = 'user-1';
const T = '2026-03-15T09:00:00.000Z';
let db: JigiDb;
const base = buildCiblageHousehold({
  id: '0b6f3c1e-1111-4aaa-8bbb-000000000001',
  agentId: U,
}) as AnyRecord & { livestock: Record<string, number>; assets: Record<string, number> };
const change = (data: AnyRecord, version: number, meta?: RecordMeta): PullChange => ({
  seq: version,
  entity: 'record',
  id: data.id,
  version,
  deleted: false,
  data: data as never,
  ...(meta ? { meta } : {}),
});
/** Reference data as the pull response parses it off the wire. */
const reference = (seq: number, entity: PullEntity, id: string, data: object): PullChange =>
  pullChangeSchema.parse({ seq, entity, id, deleted: false, data });
const page = (changes: PullChange[], cursor = 'e1.10', restore = false) =>
  applyPullPage({ userId: U, changes, nextCursor: cursor, now: T, restore });

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(U, 'dev-1', 'token-token-token-token');
});

async function syncedAt(version: number, record: AnyRecord = base) {
  await page([change(record, version)]);
}

describe('applying a pulled page', () => {
  it('stores the page and its cursor together', async () => {
    const res = await page(
      [change(base, 1), { seq: 2, entity: 'village', id: 'v-gone', deleted: true }],
      'e1.2',
    );
    expect(res.ok && res.value).toMatchObject({ applied: 2, seen: [base.id] });
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 1,
      record: base,
    });
    expect((await db.syncState.get(U))?.pullCursor).toBe('e1.2');
  });

  it('stores reference data with the cursor; a tombstone removes it', async () => {
    const res = await page(
      [
        reference(1, 'village', 'v1', buildVillage({ id: 'v1' })),
        reference(
          2,
          'beneficiary_household',
          sampleIds.beneficiaryHousehold,
          buildBeneficiaryHousehold({ villageId: 'v1' }),
        ),
        reference(3, 'settings', 'program', {
          ...defaultProgramSettings,
          himoDefaultDailyWageFcfa: 2500,
        }),
      ],
      'e1.3',
    );
    expect(res).toMatchObject({ ok: true, value: { applied: 3, skipped: [] } });
    expect(await db.beneficiaryHouseholds.get(sampleIds.beneficiaryHousehold)).toMatchObject({
      villageId: 'v1',
    });
    expect((await db.settings.get('program'))?.himoDefaultDailyWageFcfa).toBe(2500);
    expect((await db.syncState.get(U))?.pullCursor).toBe('e1.3');
    await page([{ seq: 4, entity: 'village', id: 'v1', deleted: true }], 'e1.4');
    expect(await db.villages.count()).toBe(0);
  });

  it('skips reference data that fails its schema without losing the rest of the page', async () => {
    const res = await page(
      [
        reference(1, 'village', 'bad', { id: 'bad' }),
        reference(2, 'village', 'v2', buildVillage({ id: 'v2' })),
      ],
      'e1.2',
    );
    expect(res.ok && res.value.skipped.map((s) => [s.entity, s.id])).toEqual([['village', 'bad']]);
    expect((await db.villages.toArray()).map((v) => v.id)).toEqual(['v2']);
    expect((await db.syncState.get(U))?.pullCursor).toBe('e1.2');
  });

  it("a returned record and its open task make it « à corriger » with the supervisor's comment", async () => {
    await page([
      change(base, 2, { reviewState: 'returned' }),
      {
        seq: 3,
        entity: 'task',
        id: 'task-1',
        deleted: false,
        data: {
          id: 'task-1',
          recordId: base.id,
          comment: 'Âge du chef à vérifier',
          createdAt: T,
          status: 'open',
        },
      },
    ]);
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'returned',
      supervisorComment: 'Âge du chef à vérifier',
      agentId: U,
      serverVersion: 2,
    });
    expect(await db.tasks.get('task-1')).toMatchObject({
      recordId: base.id,
      userId: U,
      resolved: false,
    });
  });

  it('never overwrites a pending local edit: the server version moves underneath and the edit is replayed on it', async () => {
    await syncedAt(1);
    await finaliseRecord({
      record: { ...base, livestock: { ...base.livestock, goats: 40 } },
      agentId: U,
      now: T,
    });
    const other = { ...base, assets: { ...base.assets, radio: 2 } };
    await page([change(other, 2)]);
    const row = (await db.records.get(base.id)) as SyncRecordRow;
    expect(row.syncStatus).toBe('finalised');
    expect(row.serverVersion).toBe(2);
    expect(row.serverRecord).toEqual(other);
    expect(row.record).toMatchObject({ livestock: { goats: 40 }, assets: { radio: 2 } });
    // The pending patch keeps the base it was made from (a concurrent change to the same field must conflict).
    expect((await db.outbox.toArray())[0]).toMatchObject({
      op: 'patch',
      baseVersion: 1,
      changes: { 'livestock.goats': 40 },
    });
  });

  it("rebases an open draft so finalising it does not undo another tablet's change", async () => {
    await syncedAt(1);
    await saveDraft({
      record: { ...base, livestock: { ...base.livestock, goats: 33 } },
      agentId: U,
      position: { section: 'livestock' },
      now: T,
    });
    await page([change({ ...base, assets: { ...base.assets, radio: 2 } }, 2)]);
    const draft = await db.drafts.get(base.id);
    expect(draft?.record).toMatchObject({ livestock: { goats: 33 }, assets: { radio: 2 } });
  });

  it("shows « en attente d'arbitrage » while conflict paths are pending, and clears it when the resolution arrives", async () => {
    await page([change(base, 2, { pendingConflictPaths: ['householdCode'] })]);
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'conflict',
      conflictPaths: ['householdCode'],
    });
    await page([
      {
        seq: 3,
        entity: 'conflict',
        id: 'c1',
        deleted: false,
        data: { recordId: base.id, path: 'householdCode', status: 'resolved' },
      },
    ]);
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'synced',
      conflictPaths: [],
    });
    await page([change({ ...base, householdCode: 'KOR-X' }, 3)]);
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'synced',
      record: { householdCode: 'KOR-X' },
    });
    // The record itself is the source of truth: a later version without pending paths clears the state too.
    await page([change(base, 4, { pendingConflictPaths: ['members'] })]);
    expect((await db.records.get(base.id))?.syncStatus).toBe('conflict');
    await page([change(base, 5)]);
    expect(await db.records.get(base.id)).toMatchObject({
      syncStatus: 'synced',
      conflictPaths: [],
    });
  });

  it('writes a page at its end, the last change of an id winning as it would row by row', async () => {
    const res = await page(
      [
        change(base, 1),
        reference(2, 'village', 'v1', buildVillage({ id: 'v1' })),
        { seq: 3, entity: 'record', id: base.id, version: 2, deleted: true },
        { seq: 4, entity: 'village', id: 'v1', deleted: true },
        { seq: 5, entity: 'village', id: 'v2', deleted: true },
        reference(6, 'village', 'v2', buildVillage({ id: 'v2' })),
      ],
      'e1.6',
    );
    expect(res.ok && res.value.applied).toBe(6);
    expect(await db.records.get(base.id)).toBeUndefined();
    expect((await db.villages.toArray()).map((v) => v.id)).toEqual(['v2']);
    expect((await db.syncState.get(U))?.pullCursor).toBe('e1.6');
  });

  it('folds the search words again only for a new server version', async () => {
    await syncedAt(1);
    const folded = (await db.records.get(base.id))?.searchText;
    expect(folded).not.toBe('');
    await db.records.update(base.id, { searchText: 'mots deja plies' });
    await syncedAt(1);
    expect((await db.records.get(base.id))?.searchText).toBe('mots deja plies');
    await syncedAt(2);
    expect((await db.records.get(base.id))?.searchText).toBe(folded);
  });

  it('a tombstone removes a synced record but not one with a pending edit', async () => {
    await syncedAt(1);
    await page([{ seq: 5, entity: 'record', id: base.id, version: 2, deleted: true }]);
    expect(await db.records.get(base.id)).toBeUndefined();
    await syncedAt(1);
    await finaliseRecord({ record: { ...base, headPhone: '+22376000009' }, agentId: U, now: T });
    await page([{ seq: 6, entity: 'record', id: base.id, version: 2, deleted: true }]);
    expect(await db.records.get(base.id)).toBeDefined();
  });

  it('after a restore: an older server version re-queues the difference, a lost record is created again', async () => {
    await syncedAt(3, { ...base, livestock: { ...base.livestock, goats: 12 } });
    const lost = buildCiblageHousehold({
      id: '0b6f3c1e-1111-4aaa-8bbb-000000000002',
      agentId: U,
    }) as AnyRecord;
    await page([change(lost, 1)]);
    const res = await page([change(base, 1)], 'r1.4', true);
    expect(res.ok && res.value.rebased).toBe(1);
    expect(await db.outbox.toArray()).toMatchObject([
      { op: 'patch', baseVersion: 1, changes: { 'livestock.goats': 12 } },
    ]);
    expect((await requeueLost({ userId: U, seen: new Set([base.id]), now: T })).ok).toBe(true);
    expect((await db.outbox.toArray()).map((m) => [m.recordId, m.op])).toEqual([
      [base.id, 'patch'],
      [lost.id, 'create'],
    ]);
    expect(await db.records.get(lost.id)).toMatchObject({
      syncStatus: 'finalised',
      serverVersion: null,
    });
  });
});
