import { buildCiblageHousehold } from '@jigi/domain/testing';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropAllDataKeys, dropDataKey, useFallbackKeys } from './crypto/keyring';
import { useDatabase, type JigiDb } from './db';
import { getDraft, saveDraft } from './drafts';
import { finaliseRecord, getRecord, workItems } from './records';
import { addSyncReceipt, syncHistory } from './sync-receipts';
import { leaveCheck } from './sync-session';
import { saveRegistration } from './sync-state';
import { enrolUser, resumeSession, unlockWithPin } from './user-keys';
import { outboxOf } from './outbox';

// Two users of one tablet, with their real keys (no test fallback): what each one writes is
// ciphertext on disk, and the other one can neither read nor open it.

const A = 'user-awa';
const B = 'user-bou';
const T = '2026-03-15T09:00:00.000Z';
const ITER = 1000;
let name: string;
let db: JigiDb;

/** The stored rows as IndexedDB holds them: a second connection without the encryption layer. */
async function rawRows(table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

const share = () => crypto.getRandomValues(new Uint8Array(64));

beforeEach(async () => {
  useFallbackKeys(undefined);
  dropAllDataKeys();
  name = `at-rest-${Math.random().toString(36).slice(2)}`;
  db = useDatabase(name);
  await db.open();
  for (const [user, pin] of [
    [A, '1111'],
    [B, '2222'],
  ] as const)
    expect((await enrolUser({ userId: user, pin, share: share(), iterations: ITER })).ok).toBe(
      true,
    );
});

describe('each user’s rows at rest', () => {
  it('are ciphertext on disk: no name, household code or phone in any stored byte', async () => {
    const household = buildCiblageHousehold({ agentId: A, headPhone: '+22376123456' });
    await saveRegistration(A, 'dev-a', 'jd_secret-device-token-of-awa');
    await finaliseRecord({ record: household, agentId: A, now: T });
    await saveDraft({
      record: { ...household, id: crypto.randomUUID() },
      agentId: A,
      position: { section: 'members' },
      now: T,
    });
    await addSyncReceipt({
      userId: A,
      at: T,
      finishedAt: T,
      batchId: 'b1',
      batchNos: [12],
      sent: 1,
      accepted: 1,
      rejected: 0,
      conflicts: 0,
      duplicates: 0,
      pulled: 0,
      bytesUp: 10,
      bytesDown: 10,
      requests: 1,
      rejections: [{ recordId: household.id, code: 'x', message: household.householdCode }],
    });
    const secrets = [
      household.householdCode,
      '+22376123456',
      household.members[0]?.firstName ?? 'Amadou',
      household.members[0]?.lastName ?? 'Guindo',
      'jd_secret-device-token-of-awa',
    ];
    for (const table of ['records', 'drafts', 'outbox', 'receipts', 'syncState']) {
      const rows = await rawRows(table);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(ArrayBuffer.isView(row['_s']), table).toBe(true);
        const text = JSON.stringify(row);
        for (const s of secrets) expect(text, `${table} holds ${s}`).not.toContain(s);
        expect(row).not.toHaveProperty('record');
        expect(row).not.toHaveProperty('searchText');
      }
    }
    // Read back by their owner, everything is there.
    expect((await getRecord(household.id)).ok).toBe(true);
    expect((await workItems(A, ['ciblage_household'])).length).toBe(2);
    expect((await syncHistory(A)).ok && (await syncHistory(A))).toMatchObject({
      value: [{ rejections: [{ message: household.householdCode }] }],
    });
  });

  it('another user, unlocked, cannot read, list or write them; only the owner’s key opens them', async () => {
    const household = buildCiblageHousehold({ agentId: A });
    await finaliseRecord({ record: household, agentId: A, now: T });
    const draft = { ...household, id: crypto.randomUUID() };
    await saveDraft({ record: draft, agentId: A, position: { section: 'members' }, now: T });
    // A locks; B unlocks.
    dropDataKey(A);
    expect(await getRecord(household.id)).toEqual({ ok: true, value: undefined });
    expect(await getDraft(draft.id)).toEqual({ ok: true, value: undefined });
    expect(await workItems(A, ['ciblage_household'])).toEqual([]);
    expect(await outboxOf(A)).toEqual({ ok: true, value: [] });
    const write = await saveDraft({
      record: { ...draft, householdCode: 'CHANGED' },
      agentId: A,
      position: { section: 'members' },
      now: T,
    });
    expect(write).toMatchObject({ ok: false, error: { kind: 'locked' } });
    // Counting by index keys still works for the hand-over rule, without opening a row.
    expect(await leaveCheck(A)).toEqual({
      ok: true,
      value: { unsent: 1, exported: 0, rejected: 0 },
    });
    // B's key does not open A's rows even when presented as A's: a wrong PIN opens nothing.
    expect(await unlockWithPin(A, '2222')).toEqual({
      ok: true,
      value: { ok: false, reason: 'wrong' },
    });
    const reopened = await unlockWithPin(A, '1111');
    expect(reopened.ok && reopened.value.ok).toBe(true);
    expect((await getDraft(draft.id)).ok && (await getDraft(draft.id))).toMatchObject({
      value: { record: { householdCode: household.householdCode } },
    });
  });

  it('a reload of the same tab resumes with the tab’s session secret, and a lock ends it', async () => {
    const res = await unlockWithPin(A, '1111');
    const secret = res.ok && res.value.ok ? res.value.sessionSecret : '';
    dropAllDataKeys();
    expect(await resumeSession(A, 'AAAA' + secret.slice(4))).toEqual({ ok: true, value: false });
    expect(await resumeSession(A, secret)).toEqual({ ok: true, value: true });
    const { endSession } = await import('./user-keys');
    await endSession(A);
    expect(await resumeSession(A, secret)).toEqual({ ok: true, value: false });
  });
});
