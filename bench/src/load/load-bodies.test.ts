import { gunzipSync } from 'node:zlib';
import { generateHouseholds } from '@jigi/testkit';
import { describe, expect, it } from 'vitest';
import type { BenchRecord } from '../sync-peer';
import { householdsOf, pushBodies } from './load-bodies';

const device = {
  deviceId: 'load-device-007',
  token: 'jd_x',
  userId: 'user-load-007',
  villageId: 'village-load-007',
};

describe('load pushes', () => {
  it('moves each household into the device’s village, signed by its enumerator', () => {
    const [h] = householdsOf(device, generateHouseholds({ seed: 1, count: 1 }));
    expect(h).toMatchObject({
      villageId: 'village-load-007',
      agentId: 'user-load-007',
      deviceId: 'load-device-007',
    });
  });

  it('cuts the device’s households into gzip pushes with ascending mutation ids and no gap', async () => {
    const records = householdsOf(device, generateHouseholds({ seed: 2, count: 120 }));
    const bodies = await pushBodies(device, records, 50, '2026-03-15T10:00:00.000Z');
    const pushes = bodies.map(
      (b) =>
        JSON.parse(gunzipSync(b).toString('utf8')) as {
          deviceId: string;
          batchId: string;
          mutations: { mutationId: number; op: string; recordId: string; record: BenchRecord }[];
        },
    );
    expect(pushes.map((p) => p.mutations.length)).toEqual([50, 50, 20]);
    expect(pushes.flatMap((p) => p.mutations.map((m) => m.mutationId))).toEqual(
      Array.from({ length: 120 }, (_, i) => i + 1),
    );
    expect(new Set(pushes.map((p) => p.batchId)).size).toBe(3);
    expect(pushes.every((p) => p.deviceId === device.deviceId)).toBe(true);
    const sent = pushes.flatMap((p) => p.mutations);
    expect(sent.every((m) => m.op === 'create')).toBe(true);
    expect(sent.map((m) => m.record)).toEqual(records);
  });
});
