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

describe('GET /api/sync/pull', () => {
  let s: TestServer;
  let a: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro', 'Tablette A');
  });
  afterEach(async () => {
    await s.close();
  });

  it('sends a fresh device only its villages, households, microprojects and settings', async () => {
    const { changes } = await pullAll(s.app, a);
    const byEntity = (e: string) => changes.filter((c) => c.entity === e);
    expect(
      byEntity('village')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['village-koro-demo-1', 'village-koro-demo-2']);
    expect(byEntity('beneficiary_household')).toHaveLength(20);
    expect(byEntity('settings')).toHaveLength(1);
    expect(byEntity('microproject')).toHaveLength(0);
    const agent = await registerDevice(s.app, 'agent.bankass');
    const agentChanges = (await pullAll(s.app, agent)).changes;
    expect(agentChanges.filter((c) => c.entity === 'microproject')).toHaveLength(1);
    expect(
      agentChanges.some((c) => c.entity === 'village' && c.id.startsWith('village-koro')),
    ).toBe(false);
    expect(
      (await s.db.audit.recent(100)).filter((e) => e.action === 'sync.pull').map((e) => e.entityId),
    ).toEqual([agent.deviceId, a.deviceId]);
  });

  it('pages while writes land: every record arrives once at its latest version, none skipped', async () => {
    // Tablet A writes, tablet B of the same enumerator pages (A is not sent its own applied writes).
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const first = await pull(s.app, b, { limit: '5' });
    expect(first.body.hasMore).toBe(true);
    let cursor = first.body.nextCursor;
    const seen = new Map<string, number>();
    const ids: string[] = [];
    let mutationId = 0;
    let requests = 1;
    for (let round = 0; round < 12; round++) {
      // Two new records and one edit of an older one land between pages.
      const r1 = ciblage(100 + round * 2, a);
      const r2 = ciblage(101 + round * 2, a);
      ids.push(r1.id, r2.id);
      const muts: unknown[] = [createMutation(++mutationId, r1), createMutation(++mutationId, r2)];
      if (round > 0)
        muts.push(
          patchMutation(++mutationId, ciblage(100, a), round, { 'dwelling.roomsCount': round + 2 }),
        );
      expect((await push(s.app, a, muts)).statusCode).toBe(200);
      const page = await pull(s.app, b, { cursor, limit: '5' });
      requests++;
      const pageIds = page.body.changes.map((c) => `${c.entity}:${c.id}`);
      expect(new Set(pageIds).size).toBe(pageIds.length);
      for (const c of page.body.changes) if (c.entity === 'record') seen.set(c.id, c.version ?? 0);
      cursor = page.body.nextCursor;
    }
    const rest = await pullAll(s.app, b, cursor, 5);
    for (const c of rest.changes) if (c.entity === 'record') seen.set(c.id, c.version ?? 0);
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(seen.get(id)).toBe((await s.db.sync.recordById(id))?.version);
    expect(requests + rest.requests).toBeGreaterThan(12);
    // Caught up: the next pull is empty and keeps the cursor.
    const empty = await pull(s.app, b, { cursor: rest.cursor });
    expect(empty.body).toMatchObject({ changes: [], hasMore: false, nextCursor: rest.cursor });
  });

  it('caps a page by bytes but always sends at least one change', async () => {
    await push(
      s.app,
      a,
      Array.from({ length: 15 }, (_, i) => createMutation(i + 1, ciblage(i + 1, a))),
    );
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const page = await pull(s.app, b, { maxBytes: '16000' });
    const bytes = Buffer.byteLength(JSON.stringify(page.body.changes));
    expect(page.body.hasMore).toBe(true);
    expect(page.body.changes.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(16000);
  });

  it('answers 410 to a cursor of another epoch (after a restore)', async () => {
    const { cursor } = await pullAll(s.app, a);
    await s.db.meta.rotateEpoch(newEpoch());
    const res = await pull(s.app, a, { cursor });
    expect(res.status).toBe(410);
    expect(res.body.error?.code).toBe('epoch_changed');
    const fresh = await pullAll(s.app, a);
    expect(fresh.changes.length).toBeGreaterThan(20);
  });

  it('compresses pages with gzip when the tablet asks', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { ...a.headers, 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(
      Buffer.byteLength(JSON.stringify((await pull(s.app, a)).body)) / 3,
    );
  });

  it('answers a malformed cursor with 400', async () => {
    const res = await pull(s.app, a, { cursor: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('malformed_cursor');
  });

  it('critical conflict → supervisor queue → resolution flows down to both tablets by pull', async () => {
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    const ca = (await pullAll(s.app, a)).cursor;
    const cb = (await pullAll(s.app, b)).cursor;
    const path = `members.${headMemberId}.firstName`;
    await push(s.app, a, [patchMutation(2, rec, 1, { [path]: 'Hamadoun' })]);
    await push(s.app, b, [patchMutation(1, rec, 1, { [path]: 'Amadou-Bakary' })]);

    const beforeResolution = await pullAll(s.app, b, cb);
    const recordChange = beforeResolution.changes.find(
      (c) => c.entity === 'record' && c.id === rec.id,
    );
    expect(recordChange?.deleted === false && recordChange.meta?.pendingConflictPaths).toEqual([
      path,
    ]);

    const sup = await loginSession(s.app, 'sup.koro');
    const list = await s.app.inject({ method: 'GET', url: '/api/review/conflicts', headers: sup });
    const conflicts = list.json<{ conflicts: { id: string; path: string }[] }>().conflicts;
    expect(conflicts).toHaveLength(1);
    const id = conflicts[0]!.id;
    const detail = await s.app.inject({
      method: 'GET',
      url: `/api/review/conflicts/${id}`,
      headers: sup,
    });
    expect(detail.json()).toMatchObject({
      server: { value: 'Hamadoun', deviceId: a.deviceId },
      incoming: { value: 'Amadou-Bakary', deviceId: b.deviceId },
      base: { version: 1, value: 'Amadou' },
    });
    // Gao's supervisor cannot see or resolve it, even with the id typed by hand.
    const gao = await loginSession(s.app, 'sup.gao');
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: `/api/review/conflicts/${id}/resolve`,
          headers: gao,
          payload: { choice: 'incoming' },
        })
      ).statusCode,
    ).toBe(404);

    const resolved = await s.app.inject({
      method: 'POST',
      url: `/api/review/conflicts/${id}/resolve`,
      headers: sup,
      payload: { choice: 'incoming' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toEqual({ conflictId: id, version: 3 });
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/review/conflicts/${id}/resolve`,
      headers: sup,
      payload: { choice: 'server' },
    });
    expect(again.json()).toMatchObject({ error: { code: 'invalid_state' } });

    for (const [device, cursor] of [
      [a, ca],
      [b, cb],
    ] as const) {
      const { changes } = await pullAll(s.app, device, cursor);
      const latest = changes.filter((c) => c.entity === 'record' && c.id === rec.id).at(-1);
      expect(latest?.version).toBe(3);
      expect(JSON.stringify(latest)).toContain('Amadou-Bakary');
      expect(latest?.deleted === false && latest.meta?.pendingConflictPaths).toBeFalsy();
      expect(
        changes.some(
          (c) =>
            c.entity === 'conflict' && c.id === id && !c.deleted && c.data['status'] === 'resolved',
        ),
      ).toBe(true);
    }
    const history = await s.db.sync.recordVersions(rec.id);
    expect(history.map((v) => [v.version, v.actor])).toEqual([
      [1, a.deviceId],
      [2, a.deviceId],
      [3, 'user:user-sup-koro'],
    ]);
  });

  it('a record returned for correction becomes a task on the tablet of its author, closed by the next edit', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    const { cursor } = await pullAll(s.app, a);
    const sup = await loginSession(s.app, 'sup.koro');
    const ret = await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${rec.id}/decision`,
      headers: sup,
      payload: { decision: 'return', comment: 'Vérifier le nombre de pièces.' },
    });
    expect(ret.statusCode).toBe(200);
    const noComment = await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${rec.id}/decision`,
      headers: sup,
      payload: { decision: 'return' },
    });
    expect(noComment.json()).toMatchObject({
      error: { code: 'invalid_body', details: { field: 'comment' } },
    });
    const afterReturn = await pullAll(s.app, a, cursor);
    const task = afterReturn.changes.find((c) => c.entity === 'task');
    expect(task?.deleted === false && task.data).toMatchObject({
      recordId: rec.id,
      comment: 'Vérifier le nombre de pièces.',
      status: 'open',
    });
    const recordMeta = afterReturn.changes.find((c) => c.entity === 'record');
    expect(recordMeta?.deleted === false && recordMeta.meta?.reviewState).toBe('returned');
    // Another enumerator's tablet of the same user's colleague sees no task (tasks go to the author).
    const anim = await registerDevice(s.app, 'anim.koro');
    expect((await pullAll(s.app, anim)).changes.some((c) => c.entity === 'task')).toBe(false);
    await push(s.app, a, [patchMutation(2, rec, 1, { 'dwelling.roomsCount': 4 })]);
    const afterFix = await pullAll(s.app, a, afterReturn.cursor);
    expect(afterFix.changes.find((c) => c.entity === 'task')?.deleted).toBe(true);
    expect((await s.db.sync.recordById(rec.id))?.reviewStatus).toBe('received');
  });
});
