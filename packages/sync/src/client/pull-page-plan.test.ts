import { defaultProgramSettings } from '@jigi/domain';
import { buildVillage } from '@jigi/domain/testing';
import { describe, expect, it } from 'vitest';
import type { PullChange, RecordMeta } from '../messages/pull';
import { create, household, outbox, synced, T, T2, U } from '../test-support/client-rows';
import { planPullPage, pullPageRecordIds, type PullPageInput } from './pull-page-plan';
import type { ClientOutboxRow, ClientRecordRow, LocalRecord } from './rows';

const base = household(1);
const change = (data: LocalRecord, version: number, meta?: RecordMeta): PullChange => ({
  seq: version,
  entity: 'record',
  id: data.id,
  version,
  deleted: false,
  data: data as never,
  ...(meta ? { meta } : {}),
});
const tombstone = (id: string, version?: number): PullChange => ({
  seq: 99,
  entity: 'record',
  id,
  ...(version !== undefined ? { version } : {}),
  deleted: true,
});
const entity = (entity: PullChange['entity'], id: string, data: object): PullChange => ({
  seq: 50,
  entity,
  id,
  deleted: false,
  data: data as never,
});
const plan = (
  changes: PullChange[],
  store: {
    records?: ClientRecordRow[];
    outbox?: ClientOutboxRow[];
    drafts?: LocalRecord[];
    restore?: boolean;
  } = {},
) => {
  const outboxOf = new Map<string, ClientOutboxRow[]>();
  for (const r of store.outbox ?? [])
    outboxOf.set(r.recordId, [...(outboxOf.get(r.recordId) ?? []), r]);
  const input: PullPageInput = {
    userId: U,
    changes,
    now: T2,
    restore: store.restore,
    records: new Map((store.records ?? []).map((r) => [r.id, r])),
    outboxOf,
    draftOf: new Map((store.drafts ?? []).map((d) => [d.id, { record: d }])),
    fold: (r) => `words of ${String(r['householdCode'])}`,
  };
  return planPullPage(input);
};

describe('planPullPage: records', () => {
  it('a new record is written as the server sent it, synced, with its words folded', () => {
    const p = plan([change(base, 1)]);
    expect(p.result).toEqual({ applied: 1, seen: [base.id], rebased: 0, skipped: [] });
    expect(p.putRecords).toEqual([
      {
        id: base.id,
        type: base.type,
        agentId: U,
        villageId: 'v1',
        record: base,
        serverRecord: base,
        syncStatus: 'synced',
        serverVersion: 1,
        baseVersion: 1,
        conflictPaths: [],
        finalisedAt: T2,
        updatedAt: T2,
        searchText: 'words of KOR-1',
      },
    ]);
  });

  it('replays a pending local edit over a new server version; the edit keeps its base', () => {
    const mine = { ...base, livestock: { goats: 40, sheep: 0 } };
    const pending = outbox({
      recordId: base.id,
      baseVersion: 1,
      changes: { 'livestock.goats': 40 },
    });
    const other = { ...base, assets: { radio: 2 } };
    const p = plan([change(other, 2)], {
      records: [synced(base, 1, { record: mine, syncStatus: 'finalised' })],
      outbox: [pending],
    });
    expect(p.result.rebased).toBe(1);
    expect(p.putRecords).toMatchObject([
      {
        syncStatus: 'finalised',
        serverVersion: 2,
        serverRecord: other,
        record: { livestock: { goats: 40 }, assets: { radio: 2 } },
      },
    ]);
    // A concurrent change of the same field must still conflict: the base stays 1.
    expect(p.putOutbox).toEqual([]);
    expect(p.addOutbox).toEqual([]);
  });

  it('gives pending edits of a record whose create was unacknowledged (base 0) the pulled version', () => {
    const waiting = outbox({ recordId: base.id, baseVersion: 0, changes: { householdCode: 'X' } });
    const p = plan([change(base, 1)], {
      records: [synced(base, 0, { serverVersion: null, syncStatus: 'finalised' })],
      outbox: [create(base, { state: 'in_flight', mutationId: 1 }), waiting],
    });
    expect(p.putOutbox).toEqual([{ ...waiting, baseVersion: 1 }]);
    expect(p.putRecords[0]?.record['householdCode']).toBe('X');
  });

  it('a rejected edit is rebased on the new version, so it keeps what another tablet changed', () => {
    const mine = { ...base, householdCode: 'MINE' };
    const p = plan([change({ ...base, assets: { radio: 3 } }, 2)], {
      records: [synced(base, 1, { record: mine, syncStatus: 'rejected' })],
    });
    expect(p.putRecords[0]).toMatchObject({
      syncStatus: 'rejected',
      record: { householdCode: 'MINE', assets: { radio: 3 } },
      searchText: 'words of MINE',
    });
  });

  it("rebases an open draft so that finalising it does not undo another tablet's change", () => {
    const draft = { ...base, livestock: { goats: 33, sheep: 0 } };
    const p = plan([change({ ...base, assets: { radio: 2 } }, 2)], {
      records: [synced(base, 1)],
      drafts: [draft],
    });
    expect(p.drafts).toEqual([
      {
        id: base.id,
        record: { ...base, livestock: { goats: 33, sheep: 0 }, assets: { radio: 2 } },
        searchText: 'words of KOR-1',
      },
    ]);
  });

  it('keeps the folded words of the same server version, folds a new one', () => {
    const local = synced(base, 1, { searchText: 'deja plies' });
    expect(plan([change(base, 1)], { records: [local] }).putRecords[0]?.searchText).toBe(
      'deja plies',
    );
    expect(plan([change(base, 2)], { records: [local] }).putRecords[0]?.searchText).toBe(
      'words of KOR-1',
    );
  });

  it('a tombstone removes a synced record, never one with a pending edit', () => {
    expect(plan([tombstone(base.id, 2)], { records: [synced(base, 1)] }).deleteRecords).toEqual([
      base.id,
    ]);
    const kept = plan([tombstone(base.id, 2)], {
      records: [synced(base, 1, { syncStatus: 'finalised' })],
      outbox: [outbox({ recordId: base.id, changes: { x: 1 } })],
    });
    expect(kept.deleteRecords).toEqual([]);
    expect(kept.result.seen).toEqual([base.id]);
  });

  it('the last change of an id in a page wins', () => {
    const p = plan([change(base, 1), tombstone(base.id, 2)]);
    expect(p.putRecords).toEqual([]);
    expect(p.deleteRecords).toEqual([base.id]);
    expect(p.result.applied).toBe(2);
  });

  it('skips a record without id or type, and names it', () => {
    const p = plan([change({ id: base.id } as LocalRecord, 1)]);
    expect(p.result.skipped).toEqual([
      { id: base.id, entity: 'record', reason: 'record without id or type' },
    ]);
    expect(p.result.applied).toBe(0);
  });
});

describe('planPullPage: review and conflicts', () => {
  const task = (over: object = {}) =>
    entity('task', 'task-1', {
      id: 'task-1',
      recordId: base.id,
      comment: 'Âge du chef à vérifier',
      createdAt: T,
      status: 'open',
      ...over,
    });

  it("a returned record and its open task make it « à corriger » with the supervisor's comment", () => {
    const p = plan([change(base, 2, { reviewState: 'returned' }), task()]);
    expect(p.putRecords).toMatchObject([
      { syncStatus: 'returned', supervisorComment: 'Âge du chef à vérifier', serverVersion: 2 },
    ]);
    expect([...p.tasks.values()]).toEqual([
      {
        id: 'task-1',
        recordId: base.id,
        userId: U,
        comment: 'Âge du chef à vérifier',
        createdAt: T,
        resolved: false,
      },
    ]);
  });

  it('a task on a record with a pending edit only adds the comment; a done task leaves the status', () => {
    const busy = plan([task()], {
      records: [synced(base, 1, { syncStatus: 'finalised' })],
      outbox: [outbox({ recordId: base.id, changes: { x: 1 } })],
    });
    expect(busy.putRecords).toMatchObject([
      { syncStatus: 'finalised', supervisorComment: 'Âge du chef à vérifier' },
    ]);
    const done = plan([task({ status: 'done' })], { records: [synced(base, 1)] });
    expect(done.putRecords).toEqual([]);
    expect(done.tasks.get('task-1')?.resolved).toBe(true);
  });

  it('reads a task by the shared schema: without its record it is skipped, a tombstone removes it', () => {
    const p = plan([
      entity('task', 't2', { comment: 'x' }),
      { ...tombstone('t3'), entity: 'task' },
    ]);
    expect(p.result.skipped).toEqual([
      { id: 't2', entity: 'task', reason: 'task without recordId' },
    ]);
    expect([...p.tasks]).toEqual([['t3', null]]);
  });

  it("shows « en attente d'arbitrage » while conflict paths are pending and clears it on resolution", () => {
    const waiting = plan([change(base, 2, { pendingConflictPaths: ['householdCode'] })]);
    expect(waiting.putRecords).toMatchObject([
      { syncStatus: 'conflict', conflictPaths: ['householdCode'] },
    ]);
    const resolved = plan(
      [entity('conflict', 'c1', { recordId: base.id, path: 'householdCode', status: 'resolved' })],
      { records: waiting.putRecords },
    );
    expect(resolved.putRecords).toMatchObject([{ syncStatus: 'synced', conflictPaths: [] }]);
    const opened = plan(
      [entity('conflict', 'c2', { recordId: base.id, path: 'members', status: 'open' })],
      {
        records: resolved.putRecords,
      },
    );
    expect(opened.putRecords).toMatchObject([
      { syncStatus: 'conflict', conflictPaths: ['members'] },
    ]);
  });

  it('a conflict of a record the tablet does not hold changes nothing', () => {
    const p = plan([entity('conflict', 'c1', { recordId: base.id, path: 'x', status: 'open' })]);
    expect(p.putRecords).toEqual([]);
    expect(p.result.applied).toBe(1);
  });
});

describe('planPullPage: reference data', () => {
  it('stores reference data that passes its schema, skips the rest, and takes tombstones', () => {
    const p = plan([
      entity('village', 'v1', buildVillage({ id: 'v1' })),
      entity('village', 'bad', { id: 'bad' }),
      { ...tombstone('v2'), entity: 'village' },
      entity('settings', 'program', { ...defaultProgramSettings, himoDefaultDailyWageFcfa: 2500 }),
    ]);
    expect([...p.reference.villages.keys()]).toEqual(['v1', 'v2']);
    expect(p.reference.villages.get('v2')).toBeNull();
    expect(p.reference.settings?.himoDefaultDailyWageFcfa).toBe(2500);
    expect(p.result.skipped.map((s) => [s.entity, s.id])).toEqual([['village', 'bad']]);
    expect(p.result.applied).toBe(3);
  });
});

describe('planPullPage: restore (410 refetch)', () => {
  it('an own record the restored server has at an older version re-queues the difference as a patch', () => {
    const mine = { ...base, livestock: { goats: 12, sheep: 0 } };
    const p = plan([change(base, 1)], { records: [synced(mine, 3)], restore: true });
    expect(p.addOutbox).toMatchObject([
      { op: 'patch', baseVersion: 1, changes: { 'livestock.goats': 12 }, state: 'pending' },
    ]);
    expect(p.putRecords).toMatchObject([
      {
        syncStatus: 'finalised',
        serverVersion: 1,
        baseVersion: 1,
        record: mine,
        serverRecord: base,
      },
    ]);
    expect(p.result.rebased).toBe(1);
  });

  it('re-queues nothing when the older version already holds the same content', () => {
    const p = plan([change(base, 1)], { records: [synced(base, 3)], restore: true });
    expect(p.addOutbox).toEqual([]);
    expect(p.putRecords).toMatchObject([{ syncStatus: 'synced', serverVersion: 1 }]);
  });

  it("leaves another user's records and records with pending edits to the ordinary rules", () => {
    const theirs = plan([change(base, 1)], {
      records: [synced({ ...base, householdCode: 'T' }, 3, { agentId: 'other' })],
      restore: true,
    });
    expect(theirs.addOutbox).toEqual([]);
    expect(theirs.putRecords[0]?.record).toEqual(base);
  });

  it('lists the records a page carries for the reader to load', () => {
    expect(
      pullPageRecordIds([
        change(base, 1),
        entity('task', 't', { recordId: 'r2' }),
        entity('conflict', 'c', { recordId: 'r3' }),
        entity('village', 'v', {}),
      ]),
    ).toEqual([base.id, 'r2', 'r3']);
  });
});
