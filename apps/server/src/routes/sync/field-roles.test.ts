import {
  buildHimoAttendance,
  buildHimoPayment,
  buildHimoWorker,
  buildMaAttendanceLine,
  buildMaSession,
  buildPnpEnrolment,
  sampleId,
} from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MICROPROJECT_ID, demoHouseholds } from '../../services/seed-demo';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  BANKASS_VILLAGE,
  createMutation,
  KORO_VILLAGE,
  pullAll,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Body = {
  results: { outcome: string; error?: { code: string; issues?: { message: string }[] } }[];
};
const json = (x: object) => x as unknown as JsonObject;

// The server validates with the same domain rules as the tablet, with reference data of its own
// (beneficiary households of the village, the microproject, the project's roll and attendance).
describe('pushes of each field role, validated against the server’s reference data', () => {
  let s: TestServer;
  let agent: TestDevice;
  let anim: TestDevice;
  beforeAll(async () => {
    s = await startTestServer();
    agent = await registerDevice(s.app, 'agent.bankass');
    anim = await registerDevice(s.app, 'anim.koro');
  });
  afterAll(async () => {
    await s.close();
  });

  it('field agent: HIMO worker, attendance and payment, then PNP enrolment', async () => {
    const household = demoHouseholds().find((h) => h.villageId === BANKASS_VILLAGE)!;
    const env = {
      villageId: BANKASS_VILLAGE,
      agentId: 'user-agent-bankass',
      deviceId: agent.deviceId,
    };
    const worker = buildHimoWorker({
      ...env,
      id: sampleId(9001),
      projectId: DEMO_MICROPROJECT_ID,
      householdId: household.id,
      householdCode: household.householdCode,
      name: household.headName,
    });
    const attendance = buildHimoAttendance({
      ...env,
      id: sampleId(9002),
      projectId: DEMO_MICROPROJECT_ID,
      date: '2026-03-02',
      lines: [{ id: worker.id, status: 'present', task: 'Pierres' }],
    });
    const payment = buildHimoPayment({
      ...env,
      id: sampleId(9003),
      projectId: DEMO_MICROPROJECT_ID,
      workerId: worker.id,
      daysWorked: 1,
      dailyWageFcfa: 2000,
      amountFcfa: 2000,
    });
    const enrolment = buildPnpEnrolment({
      ...env,
      id: sampleId(9004),
      household: {
        householdCode: household.householdCode,
        caregiver: { name: 'Awa Dolo', sex: 'F', relation: 'mère', phone: '+22379001122' },
      },
    });
    const res = await push(
      s.app,
      agent,
      [worker, attendance, payment, enrolment].map((r, i) => createMutation(i + 1, json(r))),
    );
    const body = res.json<Body>();
    expect(
      body.results.map((r) => r.error?.issues?.map((i) => i.message).join('; ') ?? r.outcome),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);
    // A sheet naming a worker who is not on the roll is refused by the server's own roll.
    const stranger = buildHimoAttendance({
      ...env,
      id: sampleId(9005),
      projectId: DEMO_MICROPROJECT_ID,
      date: '2026-03-03',
      lines: [{ id: sampleId(9999), status: 'present', task: 'Pierres' }],
    });
    const refused = await push(s.app, agent, [createMutation(5, json(stranger))]);
    expect(refused.json<Body>().results[0]?.error?.code).toBe('validation_failed');
    // Another tablet of the agent receives them (the writer is not sent back its own applied writes).
    const second = await registerDevice(s.app, 'agent.bankass', 'Deuxième tablette');
    const { changes } = await pullAll(s.app, second);
    expect(
      changes
        .filter((c) => c.entity === 'record')
        .map((c) => c.id)
        .sort(),
    ).toEqual([worker.id, attendance.id, payment.id, enrolment.id].sort());
  });

  it('facilitator: an MA session over the village’s beneficiary households', async () => {
    const [h1, h2] = demoHouseholds().filter((h) => h.villageId === KORO_VILLAGE);
    const session = buildMaSession({
      id: sampleId(9100),
      villageId: KORO_VILLAGE,
      agentId: 'user-anim-koro',
      deviceId: anim.deviceId,
      attendance: [
        buildMaAttendanceLine({
          id: h1!.id,
          householdCode: h1!.householdCode,
          status: 'present',
          attendeeMemberNo: 2,
        }),
        buildMaAttendanceLine({
          id: h2!.id,
          householdCode: h2!.householdCode,
          status: 'present',
          attendeeMemberNo: 7,
        }),
      ],
    });
    const bad = await push(s.app, anim, [createMutation(1, json(session))]);
    expect(bad.json<Body>().results[0]?.error?.code).toBe('validation_failed');
    const fixed = {
      ...session,
      attendance: session.attendance.map((l) => ({ ...l, attendeeMemberNo: 2 })),
    };
    const ok = await push(s.app, anim, [createMutation(2, json(fixed))]);
    expect(ok.json<Body>().results[0]?.outcome).toBe('applied');
    // The field agent of Bankass never receives it.
    expect((await pullAll(s.app, agent)).changes.some((c) => c.id === session.id)).toBe(false);
  });
});
