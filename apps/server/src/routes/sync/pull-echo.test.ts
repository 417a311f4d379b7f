import type { PullChange } from '@jigi/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newEpoch } from '../../storage/epoch';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  headMemberId,
  patchMutation,
  pull,
  pullAll,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type PushBody = { results: { outcome: string; version?: number }[] };
const recordIds = (changes: readonly PullChange[]) =>
  changes.filter((c) => c.entity === 'record').map((c) => c.id);

// A tablet's sync pushes, then pulls: the records it just wrote, applied as sent, are already on it at
// the version the push answer gave, so the pull does not send them back. Everything else still comes.
describe('GET /api/sync/pull: a device is not sent back its own applied writes', () => {
  let s: TestServer;
  let a: TestDevice;
  let cursorA: string;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro', 'Tablette A');
    cursorA = (await pullAll(s.app, a)).cursor;
  });
  afterEach(async () => {
    await s.close();
  });

  it('skips the writer’s own applied creates and edits, advances its cursor past them, and sends them to its other tablets and to a new one', async () => {
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const cursorB = (await pullAll(s.app, b)).cursor;
    const recs = Array.from({ length: 30 }, (_, i) => ciblage(i + 1, a));
    const created = await push(
      s.app,
      a,
      recs.map((r, i) => createMutation(i + 1, r)),
    );
    expect(created.json<PushBody>().results.every((r) => r.outcome === 'applied')).toBe(true);
    const edited = await push(s.app, a, [
      patchMutation(31, recs[0]!, 1, { 'dwelling.roomsCount': 5 }),
    ]);
    expect(edited.json<PushBody>().results[0]).toMatchObject({ outcome: 'applied', version: 2 });

    const own = await pullAll(s.app, a, cursorA, 10);
    expect(recordIds(own.changes)).toEqual([]);
    expect(own.requests).toBe(1);
    // The cursor moved past the skipped changes: the next pull has nothing and keeps it.
    const again = await pull(s.app, a, { cursor: own.cursor });
    expect(again.body).toMatchObject({ changes: [], hasMore: false, nextCursor: own.cursor });

    const other = await pullAll(s.app, b, cursorB, 10);
    expect(recordIds(other.changes).sort()).toEqual(recs.map((r) => r.id).sort());
    expect(other.changes.find((c) => c.id === recs[0]!.id)?.version).toBe(2);
    // A replacement tablet of the same user (new device id, no cursor) receives everything.
    const replacement = await registerDevice(s.app, 'enq.koro', 'Tablette de remplacement');
    expect(recordIds((await pullAll(s.app, replacement)).changes).sort()).toEqual(
      recs.map((r) => r.id).sort(),
    );
    // So does the writer itself when it walks again from the start after a restore (410), on every
    // page of the walk: it re-sends whatever the walk does not carry.
    await s.db.meta.rotateEpoch(newEpoch());
    expect((await pull(s.app, a, { cursor: own.cursor })).status).toBe(410);
    const walk = await pullAll(s.app, a, undefined, 10);
    expect(walk.requests).toBeGreaterThan(3);
    expect(recordIds(walk.changes).sort()).toEqual(recs.map((r) => r.id).sort());
    // Its writes after the walk are again not sent back.
    await push(s.app, a, [patchMutation(32, recs[1]!, 1, { 'dwelling.roomsCount': 3 })]);
    expect(recordIds((await pullAll(s.app, a, walk.cursor)).changes)).toEqual([]);
  });

  it('does not send back what a tablet captured and pushed before its first pull', async () => {
    const fresh = await registerDevice(s.app, 'enq.koro', 'Tablette neuve');
    const recs = [ciblage(1, fresh), ciblage(2, fresh)];
    await push(
      s.app,
      fresh,
      recs.map((r, i) => createMutation(i + 1, r)),
    );
    const first = await pullAll(s.app, fresh);
    expect(recordIds(first.changes)).toEqual([]);
    expect(first.changes.filter((c) => c.entity === 'village').length).toBeGreaterThan(0);
    expect(recordIds((await pullAll(s.app, a, cursorA)).changes).sort()).toEqual(
      recs.map((r) => r.id).sort(),
    );
  });

  it('sends the writer a merged write, a later write by another tablet and a supervisor’s decision', async () => {
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const merged = ciblage(1, a);
    const overwritten = ciblage(2, a);
    const reviewed = ciblage(3, a);
    await push(s.app, a, [
      createMutation(1, merged),
      createMutation(2, overwritten),
      createMutation(3, reviewed),
    ]);
    const cursor = (await pullAll(s.app, a, cursorA)).cursor;
    // B edits `merged` from version 1, then A edits another field from version 1: the server merges.
    await push(s.app, b, [
      patchMutation(1, merged, 1, { 'dwelling.roomsCount': 6 }),
      patchMutation(2, overwritten, 1, { 'dwelling.roomsCount': 7 }),
    ]);
    const mergedPush = await push(s.app, a, [
      patchMutation(4, merged, 1, { [`members.${headMemberId}.phone`]: '+22376000001' }),
    ]);
    expect(mergedPush.json<PushBody>().results[0]).toMatchObject({ outcome: 'merged', version: 3 });
    const sup = await loginSession(s.app, 'sup.koro');
    const decision = await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${reviewed.id}/decision`,
      headers: sup,
      payload: { decision: 'approve' },
    });
    expect(decision.statusCode).toBe(200);

    const { changes } = await pullAll(s.app, a, cursor);
    const byId = new Map(changes.filter((c) => c.entity === 'record').map((c) => [c.id, c]));
    expect(byId.get(merged.id)).toMatchObject({
      version: 3,
      data: { dwelling: { roomsCount: 6 } },
    });
    expect(byId.get(overwritten.id)).toMatchObject({
      version: 2,
      data: { dwelling: { roomsCount: 7 } },
    });
    expect(byId.get(reviewed.id)).toMatchObject({ version: 1, meta: { reviewState: 'approved' } });
  });

  it('sends the writer its own applied write when the record has an open conflict (its paths travel in the meta)', async () => {
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    const cursor = (await pullAll(s.app, a, cursorA)).cursor;
    const path = `members.${headMemberId}.firstName`;
    await push(s.app, b, [patchMutation(1, rec, 1, { [path]: 'Hamadoun' })]);
    // A has not pulled B's change: its edit of the same critical field from version 1 is queued.
    const queued = await push(s.app, a, [patchMutation(2, rec, 1, { [path]: 'Amadou-Bakary' })]);
    expect(queued.json<PushBody>().results[0]?.outcome).toBe('conflict_queued');
    // Then A edits another field from the current version: applied as sent, but the conflict is open.
    const applied = await push(s.app, a, [patchMutation(3, rec, 2, { 'dwelling.roomsCount': 4 })]);
    expect(applied.json<PushBody>().results[0]).toMatchObject({ outcome: 'applied', version: 3 });
    const { changes } = await pullAll(s.app, a, cursor);
    const change = changes.find((c) => c.entity === 'record' && c.id === rec.id);
    expect(change).toMatchObject({ version: 3, meta: { pendingConflictPaths: [path] } });
  });
});
