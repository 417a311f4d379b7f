import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import type { JigiDb } from './db';
import { getDraft, saveDraft } from './drafts';
import { localCounts } from './counts';
import { finaliseRecord, startEdit, workItems } from './records';
import type { AnyRecord } from './types';

const U = sampleIds.agent;
const T0 = '2026-03-15T09:00:00.000Z';
const T1 = '2026-03-15T10:00:00.000Z';
let db: JigiDb;

function household(overrides: Parameters<typeof buildCiblageHousehold>[0] = {}): AnyRecord {
  return buildCiblageHousehold(overrides);
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
});

describe('drafts', () => {
  it('autosave keeps the record and the form position, and keeps createdAt across saves', async () => {
    const record = household();
    await saveDraft({
      record,
      agentId: U,
      position: { section: 'roster', itemId: sampleIds.child },
      now: T0,
    });
    await saveDraft({
      record: { ...record, householdCode: 'X' },
      agentId: U,
      position: { section: 'dwelling' },
      now: T1,
    });
    const res = await getDraft(record.id);
    expect(res.ok && res.value).toMatchObject({
      position: { section: 'dwelling' },
      createdAt: T0,
      updatedAt: T1,
      record: { householdCode: 'X' },
      editsFinalised: false,
    });
  });
});

describe('finalising writes the record and its mutation in one transaction', () => {
  it('first finalise: a create in the outbox, the record finalised, the draft gone', async () => {
    const record = household();
    await saveDraft({ record, agentId: U, position: { section: 'summary' }, now: T0 });
    const res = await finaliseRecord({ record, agentId: U, now: T1 });
    expect(res).toEqual({ ok: true, value: { op: 'create' } });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      op: 'create',
      recordId: record.id,
      baseVersion: 0,
      state: 'pending',
      record,
    });
    expect(outbox[0]?.mutationId).toBeUndefined();
    expect(await db.records.get(record.id)).toMatchObject({
      syncStatus: 'finalised',
      serverVersion: null,
    });
    expect(await db.drafts.count()).toBe(0);
    expect(await localCounts(U)).toEqual({ unsynced: 1, drafts: 0, toCorrect: 0 });
  });

  it('an edit of a finalised record sends a patch of only the changed paths, based on the server version', async () => {
    const record = household();
    await finaliseRecord({ record, agentId: U, now: T0 });
    await db.records.update(record.id, { syncStatus: 'returned', serverVersion: 3 });
    await db.outbox.clear();
    const draft = await startEdit({
      recordId: record.id,
      agentId: U,
      now: T1,
      firstSection: 'identification',
    });
    expect(draft.ok && draft.value?.editsFinalised).toBe(true);
    const members = (record['members'] as { id: string; firstName: string }[]).map((m) =>
      m.id === sampleIds.head ? { ...m, firstName: 'Hamadoun' } : m,
    );
    const res = await finaliseRecord({ record: { ...record, members }, agentId: U, now: T1 });
    expect(res).toEqual({ ok: true, value: { op: 'patch' } });
    const [patch] = await db.outbox.toArray();
    expect(patch).toMatchObject({
      op: 'patch',
      baseVersion: 3,
      changes: { [`members.${sampleIds.head}.firstName`]: 'Hamadoun' },
    });
    expect(Object.keys(patch?.changes ?? {})).toHaveLength(1);
    expect(await db.records.get(record.id)).toMatchObject({ syncStatus: 'finalised' });
  });

  it('nothing is written when the outbox write fails: the record stays as it was', async () => {
    const record = household();
    await saveDraft({ record, agentId: U, position: { section: 'summary' }, now: T0 });
    db.outbox.hook('creating', () => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    const res = await finaliseRecord({ record, agentId: U, now: T1 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.kind).toBe('quota');
    expect(await db.records.count()).toBe(0);
    expect(await db.drafts.count()).toBe(1);
  });

  it('a synced record cannot be opened for editing', async () => {
    const record = household();
    await finaliseRecord({ record, agentId: U, now: T0 });
    await db.records.update(record.id, { syncStatus: 'synced' });
    const res = await startEdit({ recordId: record.id, agentId: U, now: T1, firstSection: 'x' });
    expect(res).toEqual({ ok: true, value: undefined });
  });

  it('a rejected create is created again on the next finalise', async () => {
    const record = household();
    await finaliseRecord({ record, agentId: U, now: T0 });
    await db.outbox.clear();
    await db.records.update(record.id, {
      syncStatus: 'rejected',
      rejection: { code: 'validation_failed', message: 'x' },
    });
    const res = await finaliseRecord({
      record: { ...record, householdCode: 'KOR-2' },
      agentId: U,
      now: T1,
    });
    expect(res).toEqual({ ok: true, value: { op: 'create' } });
  });
});

describe('work lists', () => {
  it('list drafts and records together; a record being edited shows as a draft', async () => {
    const a = household();
    const b = household({ id: '00000000-0000-4000-8000-0000000000bb', householdCode: 'KOR-B' });
    await finaliseRecord({ record: a, agentId: U, now: T0 });
    await saveDraft({ record: b, agentId: U, position: { section: 'roster' }, now: T1 });
    await startEdit({ recordId: a.id, agentId: U, now: T1, firstSection: 'identification' });
    const items = await workItems(U, ['ciblage_household']);
    expect(items.map((i) => [i.id, i.status, i.recordStatus])).toEqual(
      expect.arrayContaining([
        [a.id, 'draft', 'finalised'],
        [b.id, 'draft', undefined],
      ]),
    );
    expect(await workItems('someone-else', ['ciblage_household'])).toEqual([]);
  });
});
