import { describe, expect, it } from 'vitest';
import { household, synced, T, U } from '../test-support/client-rows';
import { lostOnServer, planRequeueLost, requeueCandidates } from './restore-plan';

describe('after a restore refetch', () => {
  const acked = synced(household(1), 2);
  const returned = synced(household(2), 2, { syncStatus: 'returned' });
  const neverAcked = synced(household(3), 0, { serverVersion: null, syncStatus: 'finalised' });
  const refused = synced(household(4), 1, {
    syncStatus: 'rejected',
    rejection: { code: 'unknown_record', message: 'inconnu' },
  });
  const refusedOtherwise = synced(household(5), 1, {
    syncStatus: 'rejected',
    rejection: { code: 'validation_failed', message: 'non' },
  });
  const seenOne = synced(household(6), 2);

  it('creates again what the server acknowledged once and no longer has, or refused for it', () => {
    const own = [acked, returned, neverAcked, refused, refusedOtherwise, seenOne];
    const candidates = requeueCandidates(own, new Set([seenOne.id]));
    expect(candidates.map((r) => r.id)).toEqual([acked.id, returned.id, refused.id]);
    const plan = planRequeueLost({
      userId: U,
      candidates,
      inOutbox: new Set([returned.id]),
      now: T,
    });
    expect(plan.add).toEqual(
      [acked, refused].map((r) => ({
        userId: U,
        recordId: r.id,
        recordType: r.type,
        op: 'create',
        baseVersion: 0,
        record: r.record,
        clientTime: T,
        state: 'pending',
      })),
    );
    expect(plan.putRecords).toMatchObject([
      { id: acked.id, syncStatus: 'finalised', serverVersion: null, baseVersion: null },
      { id: refused.id, syncStatus: 'finalised', serverVersion: null },
    ]);
    expect(
      plan.putRecords.every((r) => r.serverRecord === undefined && r.rejection === undefined),
    ).toBe(true);
  });

  it('a server is behind a record when its version is older, or when it refused it for a restore', () => {
    expect(lostOnServer(acked, 1)).toBe(true);
    expect(lostOnServer(acked, 2)).toBe(false);
    expect(lostOnServer(refused, 5)).toBe(true);
    expect(lostOnServer(refusedOtherwise, 0)).toBe(false);
  });
});
