import { buildHimoAttendance, buildHimoWorker } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MICROPROJECT_ID } from '../../services/seed-demo';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  BANKASS_VILLAGE,
  createMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Body = {
  results: { outcome: string; error?: { code: string; issues?: { rule: string }[] } }[];
};

// The rule context is built once per push: these pushes make a later record's rules depend on a
// record written earlier in the same push, so a context read before that write would be stale.
describe('POST /api/sync/push: rules see the records written earlier in the same push', () => {
  let s: TestServer;
  let agent: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    agent = await registerDevice(s.app, 'agent.bankass', 'Tablette HIMO');
  });
  afterEach(async () => {
    await s.close();
  });

  const worker = (n: number, overrides: Record<string, unknown> = {}) =>
    buildHimoWorker({
      id: `00000000-0000-4000-8ccc-${String(n).padStart(12, '0')}`,
      villageId: BANKASS_VILLAGE,
      agentId: 'user-agent-bankass',
      deviceId: agent.deviceId,
      projectId: DEMO_MICROPROJECT_ID,
      householdId: '00000000-0000-4000-8003-000000000001',
      householdCode: 'BAN-SEG-003-DM-0001',
      ...overrides,
    }) as unknown as JsonObject & { id: string };

  it('refuses a second active worker of the same household sent in the same push as the first', async () => {
    const first = worker(1);
    const second = worker(2, { name: 'Boureima Guindo', memberNo: 2 });
    const res = await push(s.app, agent, [createMutation(1, first), createMutation(2, second)]);
    expect(res.statusCode).toBe(200);
    const [a, b] = res.json<Body>().results;
    expect(a?.outcome).toBe('applied');
    expect(b?.outcome).toBe('rejected');
    expect(b?.error?.issues?.map((i) => i.rule)).toContain('himo.one_active_worker_per_household');
    expect(await s.db.sync.recordById(second.id)).toBeUndefined();
  });

  it('accepts an attendance sheet naming a worker enrolled earlier in the same push, and refuses one naming an unknown worker', async () => {
    const enrolled = worker(3);
    const sheet = (n: number, workerId: string) =>
      buildHimoAttendance({
        id: `00000000-0000-4000-8ddd-${String(n).padStart(12, '0')}`,
        villageId: BANKASS_VILLAGE,
        agentId: 'user-agent-bankass',
        deviceId: agent.deviceId,
        projectId: DEMO_MICROPROJECT_ID,
        lines: [{ id: workerId, status: 'present', task: 'Transport de pierres' }],
      }) as unknown as JsonObject;
    // The unknown-worker sheet first, so the project's roll is read (and would be kept) before the enrolment.
    const res = await push(s.app, agent, [
      createMutation(1, sheet(1, '00000000-0000-4000-8ccc-000000000099')),
      createMutation(2, enrolled),
      createMutation(3, sheet(2, enrolled.id)),
    ]);
    const results = res.json<Body>().results;
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'applied', 'applied']);
    expect(results[0]?.error?.issues?.map((i) => i.rule)).toContain('himo.worker_not_on_roll');
  });
});
