import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import type { JigiDb } from './db';
import { freezeBatch } from './outbox';
import { applyPushResults } from './push-apply';
import { finaliseRecord, startEdit } from './records';
import { saveRegistration } from './sync-state';

const U = sampleIds.agent;
const NOW = '2026-03-15T10:00:00.000Z';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(U, 'dev-1', 'token-token-token-token');
});

describe('applying a push answer', () => {
  it('acknowledged creates leave the outbox and the records become synced; a rejection keeps its reason', async () => {
    const a = buildCiblageHousehold();
    const b = buildCiblageHousehold({ id: '00000000-0000-4000-8000-0000000000bb' });
    await finaliseRecord({ record: a, agentId: U, now: NOW });
    await finaliseRecord({ record: b, agentId: U, now: NOW });
    const batch = await freezeBatch(U, 'batch-1', 10);
    if (!batch.ok) throw new Error('freeze failed');
    const res = await applyPushResults(U, batch.value, [
      { mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 },
      { mutationId: 2, recordId: b.id, outcome: 'rejected', error: { code: 'validation_failed', message: 'Âge : obligatoire.' } },
    ], { at: NOW, batchId: 'batch-1', batchNo: 7 });
    expect(res).toMatchObject({ ok: true, value: { sent: 2, accepted: 1, rejected: 1, batchNo: 7 } });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.get(a.id)).toMatchObject({ syncStatus: 'synced', serverVersion: 1 });
    expect(await db.records.get(b.id)).toMatchObject({ syncStatus: 'rejected', rejection: { message: 'Âge : obligatoire.' } });
    expect(await db.receipts.count()).toBe(1);
  });

  it('an edit made while the create was in flight stays pending, based on the version the server gave', async () => {
    const a = buildCiblageHousehold();
    await finaliseRecord({ record: a, agentId: U, now: NOW });
    const batch = await freezeBatch(U, 'batch-1', 10);
    if (!batch.ok) throw new Error('freeze failed');
    await startEdit({ recordId: a.id, agentId: U, now: NOW, firstSection: 'x' });
    await finaliseRecord({ record: { ...a, householdCode: 'EDITED' }, agentId: U, now: NOW });
    await applyPushResults(U, batch.value, [{ mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 }], { at: NOW, batchId: 'batch-1' });
    const [pending] = await db.outbox.toArray();
    expect(pending).toMatchObject({ op: 'patch', baseVersion: 1, state: 'pending', changes: { householdCode: 'EDITED' } });
    expect((await db.records.get(a.id))?.syncStatus).toBe('finalised');
  });
});
