import { buildHimoAttendance, buildHimoWorker } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MICROPROJECT_ID } from '../../services/seed-demo';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  BANKASS_VILLAGE,
  createMutation,
  patchMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Body = {
  results: {
    outcome: string;
    version?: number;
    error?: { code: string; message: string; issues?: { rule: string; path: string }[] };
  }[];
};

const WORKER_ID = '00000000-0000-4000-8ccc-000000000001';

// Two tablets on the same site, each opening « today's » sheet: the server keeps one per day.
describe('HIMO: one attendance sheet per microproject and day on the server', () => {
  let s: TestServer;
  let a: TestDevice;
  let b: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'agent.bankass', 'Tablette HIMO 1');
    b = await registerDevice(s.app, 'agent.bankass', 'Tablette HIMO 2');
    const worker = buildHimoWorker({
      id: WORKER_ID,
      villageId: BANKASS_VILLAGE,
      agentId: 'user-agent-bankass',
      deviceId: a.deviceId,
      projectId: DEMO_MICROPROJECT_ID,
      householdId: '00000000-0000-4000-8003-000000000001',
      householdCode: 'BAN-SEG-003-DM-0001',
    }) as unknown as JsonObject;
    expect(
      (await push(s.app, a, [createMutation(1, worker)])).json<Body>().results[0]?.outcome,
    ).toBe('applied');
  });
  afterEach(async () => {
    await s.close();
  });

  const sheet = (n: number, device: TestDevice, capturedAt: string, date = '2026-03-10') =>
    buildHimoAttendance({
      id: `00000000-0000-4000-8ddd-${String(n).padStart(12, '0')}`,
      villageId: BANKASS_VILLAGE,
      agentId: 'user-agent-bankass',
      deviceId: device.deviceId,
      projectId: DEMO_MICROPROJECT_ID,
      date,
      capturedAt,
      lines: [{ id: WORKER_ID, status: 'present' }],
    }) as unknown as JsonObject & { id: string };

  it('refuses a second sheet for the same day (validation_failed, rule himo.attendance_day_taken); the first stays editable', async () => {
    const first = sheet(1, a, '2026-03-10T08:00:00.000Z');
    const res1 = await push(s.app, a, [createMutation(2, first)]);
    expect(res1.json<Body>().results[0]?.outcome).toBe('applied');

    const second = sheet(2, b, '2026-03-10T09:00:00.000Z');
    const res2 = (await push(s.app, b, [createMutation(1, second)])).json<Body>().results[0];
    expect(res2?.outcome).toBe('rejected');
    expect(res2?.error?.code).toBe('validation_failed');
    expect(res2?.error?.issues).toEqual([
      expect.objectContaining({ path: 'date', rule: 'himo.attendance_day_taken' }),
    ]);
    expect(res2?.error?.message).toMatch(/déjà une feuille de présence le 10\/03\/2026/);
    expect(await s.db.sync.recordById(second.id)).toBeUndefined();

    const version = res1.json<Body>().results[0]?.version ?? 1;
    const edit = await push(s.app, b, [
      patchMutation(2, first, version, {
        lines: [{ id: WORKER_ID, status: 'half_day' }],
      }),
    ]);
    expect(edit.json<Body>().results[0]?.outcome).toBe('applied');

    // Another day is its own sheet.
    const nextDay = sheet(3, b, '2026-03-11T08:00:00.000Z', '2026-03-11');
    expect(
      (await push(s.app, b, [createMutation(3, nextDay)])).json<Body>().results[0]?.outcome,
    ).toBe('applied');
  });

  it('refuses the second of two sheets of the same day sent in one push', async () => {
    const res = await push(s.app, a, [
      createMutation(2, sheet(4, a, '2026-03-10T08:00:00.000Z')),
      createMutation(3, sheet(5, a, '2026-03-10T08:30:00.000Z')),
    ]);
    expect(res.json<Body>().results.map((r) => r.outcome)).toEqual(['applied', 'rejected']);
  });
});
