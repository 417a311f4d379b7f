import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  newBatchId,
  patchMutation,
  pullAll,
  push,
  type TestDevice,
  type TestRecord,
} from '../../test-support/sync-client';

// mulberry32: a seeded schedule, so a failure replays identically.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Result = { mutationId: number; outcome: string; version?: number };

describe('a seeded schedule of pushes, lost responses, replays and concurrent duplicates', () => {
  let s: TestServer;
  const devices: TestDevice[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    for (let i = 0; i < 3; i++)
      devices.push(await registerDevice(s.app, 'enq.koro', `Tablette ${i}`));
  });
  afterAll(async () => {
    await s.close();
  });

  it('ends with exactly-once effects and every tablet equal to the server', async () => {
    const random = prng(20261129);
    // Each tablet creates two households, then edits its own fields of all six (disjoint fields per tablet).
    const fields = ['dwelling.roomsCount', 'dwelling.waterTimeMinutes', 'livestock.goats'];
    const records: TestRecord[] = [];
    devices.forEach((d, i) => records.push(ciblage(10 * i + 1, d), ciblage(10 * i + 2, d)));
    const queues = devices.map((d, i) => {
      const creates = [records[2 * i]!, records[2 * i + 1]!].map((r, k) =>
        createMutation(k + 1, r),
      );
      const patches = Array.from({ length: 12 }, (_, k) => {
        const target = records[Math.floor(random() * records.length)]!;
        // baseVersion 1 always: the server merges these disjoint-field edits from an old base.
        return patchMutation(k + 3, target, 1, { [fields[i]!]: k + 1 });
      });
      return { device: d, mutations: [...creates, ...patches], acked: 0 };
    });
    const seen = new Map<string, Result>();
    let requests = 0;
    let lost = 0;
    const send = async (
      q: (typeof queues)[number],
      from: number,
      count: number,
      batchId: string,
    ) => {
      requests++;
      const res = await push(s.app, q.device, q.mutations.slice(from, from + count), {
        batchId,
        gzip: random() < 0.5,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ results: Result[]; lastMutationId: number }>();
      for (const r of body.results) {
        const key = `${q.device.deviceId}#${r.mutationId}`;
        const before = seen.get(key);
        if (before !== undefined) expect(r).toEqual(before);
        seen.set(key, r);
      }
      return body.lastMutationId;
    };
    // Creates first (patches of another tablet's records need them), then the random schedule.
    for (const q of queues) q.acked = await send(q, 0, 2, newBatchId());
    while (queues.some((q) => q.acked < q.mutations.length)) {
      const q = queues[Math.floor(random() * queues.length)]!;
      if (q.acked >= q.mutations.length) continue;
      const count = 1 + Math.floor(random() * 4);
      // Resend from somewhere at or before the acknowledged id: the server skips what it has.
      const from = Math.max(0, q.acked - Math.floor(random() * 3));
      const batchId = newBatchId();
      const roll = random();
      if (roll < 0.25) {
        lost++;
        await send(q, from, count, batchId); // the answer is lost: acked stays, the same push comes again
        q.acked = await send(q, from, count, batchId);
      } else if (roll < 0.4) {
        const [x, y] = await Promise.all([
          send(q, from, count, batchId),
          send(q, from, count, batchId),
        ]);
        expect(x).toBe(y);
        q.acked = x;
      } else {
        q.acked = await send(q, from, count, batchId);
      }
    }
    expect(lost).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(20);
    // Exactly once: one version per applied or merged mutation, whatever the number of sends.
    const applied = [...seen.values()].filter(
      (r) => r.outcome === 'applied' || r.outcome === 'merged',
    ).length;
    let versions = 0;
    for (const r of records) versions += (await s.db.sync.recordVersions(r.id)).length;
    expect(versions).toBe(applied);
    expect(
      [...seen.values()].every((r) => r.outcome !== 'rejected' && r.outcome !== 'conflict_queued'),
    ).toBe(true);
    for (const q of queues)
      expect((await s.db.accounts.deviceById(q.device.deviceId))?.lastMutationId).toBe(
        q.mutations.length,
      );
    // Every tablet pulls the same final content as the server holds.
    for (const d of devices) {
      const { changes } = await pullAll(s.app, d);
      for (const r of records) {
        const pulled = changes.filter((c) => c.entity === 'record' && c.id === r.id).at(-1);
        expect(pulled?.deleted === false && pulled.data).toEqual(
          (await s.db.sync.recordById(r.id))?.data,
        );
      }
    }
    // Each tablet's last edit of each field won on every record it touched.
    for (const [i, q] of queues.entries()) {
      for (const r of records) {
        const last = q.mutations.filter((m) => m.op === 'patch' && m.recordId === r.id).at(-1);
        if (last === undefined || !('changes' in last)) continue;
        const [section, key] = fields[i]!.split('.') as [string, string];
        expect(
          ((await s.db.sync.recordById(r.id))?.data[section] as Record<string, unknown>)[key],
        ).toBe(last.changes[fields[i]!]);
      }
    }
  });
});
