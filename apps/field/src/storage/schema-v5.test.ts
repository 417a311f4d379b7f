import { buildCiblageHousehold } from '@jigi/domain/testing';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { tryPin } from '../features/auth/unlock-actions';
import { hashPin } from '../lib/pin';
import { testUser } from '../test-support/render';
import { dropAllDataKeys, useFallbackKeys } from './crypto/keyring';
import { JigiDb, useDatabaseInstance } from './db';
import { getDraft } from './drafts';
import { PLAINTEXT_OWNERS_KEY, sealLegacyRows } from './legacy-sealing';
import { outboxOf } from './outbox';
import { workItems } from './records';
import { syncHistory } from './sync-receipts';
import { freezeNextBatch } from './sync-freeze';
import { getSyncState } from './sync-state';

// A tablet of today (schema v4, everything in clear) updated to the encrypting app: nothing is
// lost, every row of a user is sealed at their first unlock, and a sealing cut half-way resumes.

const A = 'user-awa';
const OTHER = 'user-bou';
const T = '2026-03-15T09:00:00.000Z';
let name: string;

async function rawRows(table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

/** Fills a v4 database the way the app before encryption did: plain rows. */
async function fillV4(): Promise<{ recordIds: string[]; draftId: string }> {
  const v4 = new JigiDb(name, 4);
  await v4.open();
  await v4.users.bulkPut([
    testUser({ id: A, login: 'enq.a', pin: await hashPin('2468', 1000) }),
    testUser({ id: OTHER, login: 'enq.b', pin: await hashPin('1357', 1000) }),
  ]);
  await v4.syncState.put({
    userId: A,
    deviceId: 'dev-a',
    deviceToken: 'jd_token-of-awa-in-clear',
    nextMutationId: 5,
    pullCursor: 'e1.9',
  });
  const recordIds: string[] = [];
  for (let i = 0; i < 7; i++) {
    const record = buildCiblageHousehold({ id: crypto.randomUUID(), agentId: A });
    recordIds.push(record.id);
    await v4.records.put({
      id: record.id,
      type: record.type,
      agentId: A,
      villageId: record.villageId,
      record,
      syncStatus: 'finalised',
      serverVersion: null,
      baseVersion: null,
      finalisedAt: T,
      updatedAt: T,
      searchText: 'amadou guindo',
    });
    await v4.outbox.add({
      userId: A,
      recordId: record.id,
      recordType: record.type,
      op: 'create',
      baseVersion: 0,
      record,
      clientTime: T,
      state: 'pending',
    });
  }
  const draft = buildCiblageHousehold({ id: crypto.randomUUID(), agentId: A });
  await v4.drafts.put({
    id: draft.id,
    type: draft.type,
    agentId: A,
    villageId: draft.villageId,
    record: draft,
    position: { section: 'members', itemId: 'm-6' },
    editsFinalised: false,
    createdAt: T,
    updatedAt: T,
    searchText: 'amadou',
  });
  await v4.receipts.add({
    userId: A,
    at: T,
    batchId: 'b0',
    sent: 3,
    accepted: 3,
    rejected: 0,
    conflicts: 0,
  });
  v4.close();
  return { recordIds, draftId: draft.id };
}

beforeEach(() => {
  useFallbackKeys(undefined);
  dropAllDataKeys();
  name = `schema-v5-${Math.random().toString(36).slice(2)}`;
});

describe('schema v4 → v5 (at-rest encryption)', () => {
  it('names the owners of clear rows, then seals every row at the owner’s unlock and keeps them all', async () => {
    const { recordIds, draftId } = await fillV4();
    const v5 = new JigiDb(name);
    await v5.open();
    useDatabaseInstance(v5);
    expect((await v5.meta.get(PLAINTEXT_OWNERS_KEY))?.value).toEqual([A]);
    // Locked, A's rows are not shown to anyone, clear as they still are.
    expect(await workItems(A, ['ciblage_household'])).toEqual([]);

    const unlocked = await tryPin(A, '2468');
    expect(unlocked.kind).toBe('unlocked');
    // An interrupted sealing (switched off after three chunks of at most two rows: the device
    // state, then four of the seven pending mutations)…
    const first = await sealLegacyRows(A, { chunkSize: 2, maxChunks: 3 });
    expect(first).toEqual({ ok: true, value: { sealed: 1 + 2 + 2, done: false } });
    const sealedSoFar = [...(await rawRows('syncState')), ...(await rawRows('outbox'))].filter(
      (r) => ArrayBuffer.isView(r['_s']),
    ).length;
    expect(sealedSoFar).toBe(5);
    // …resumes where it stopped at the next unlock, and finishes.
    const rest = await sealLegacyRows(A, { chunkSize: 2 });
    expect(rest).toEqual({ ok: true, value: { sealed: 3 + 1 + 7 + 1, done: true } });
    expect((await v5.meta.get(PLAINTEXT_OWNERS_KEY))?.value).toEqual([]);

    for (const table of ['records', 'drafts', 'outbox', 'receipts', 'syncState']) {
      const rows = await rawRows(table);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(ArrayBuffer.isView(row['_s']), table).toBe(true);
        expect(JSON.stringify(row)).not.toMatch(/Guindo|amadou|jd_token/);
      }
    }
    // Nothing lost: every record, the draft at its position, every pending mutation, the receipt,
    // the device counter — and the next freeze numbers the pending mutations from it.
    const items = await workItems(A, ['ciblage_household']);
    expect(items.map((i) => i.id).sort()).toEqual([...recordIds, draftId].sort());
    expect((await getDraft(draftId)).ok && (await getDraft(draftId))).toMatchObject({
      value: { position: { section: 'members', itemId: 'm-6' } },
    });
    const outbox = await outboxOf(A);
    expect(outbox.ok && outbox.value.map((r) => r.recordId)).toEqual(recordIds);
    expect((await syncHistory(A)).ok && (await syncHistory(A))).toMatchObject({
      value: [{ batchId: 'b0', sent: 3 }],
    });
    expect(await getSyncState(A)).toMatchObject({
      value: { deviceToken: 'jd_token-of-awa-in-clear', nextMutationId: 5, pullCursor: 'e1.9' },
    });
    const batch = await freezeNextBatch({
      userId: A,
      newBatchId: () => crypto.randomUUID(),
      now: T,
      jsonBudget: 1_000_000,
      maxMutations: 200,
    });
    expect(batch.ok && batch.value).toMatchObject({ firstMutationId: 5, lastMutationId: 11 });
    // The other user of the tablet, who has not unlocked yet, is still on the list.
    expect(await sealLegacyRows(A)).toEqual({ ok: true, value: { sealed: 0, done: true } });
    v5.close();
  });
});
