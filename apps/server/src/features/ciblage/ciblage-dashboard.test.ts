import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { ciblage, createMutation, push, type TestDevice } from '../../test-support/sync-client';

// A failed visit as the tablet now records it: the outcome alone, no consent, no section.
function failedVisit(n: number, device: TestDevice, result: string) {
  const { consent: _consent, ...rest } = ciblage(n, device, {
    result,
    members: [],
    respondentMemberId: undefined,
    dwelling: undefined,
    assets: undefined,
    livestock: undefined,
    land: undefined,
    foodSecurity: undefined,
    gps: undefined,
  });
  return JSON.parse(JSON.stringify(rest)) as typeof rest;
}

type Panel = {
  villages: {
    villageId: string;
    surveyed: number;
    failedVisits: number;
    failedByOutcome: Record<string, number>;
  }[];
};

describe('ciblage dashboard', () => {
  let s: TestServer;
  let a: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
  });
  afterEach(async () => {
    await s.close();
  });

  it('counts failed visits apart from surveyed households, by outcome', async () => {
    const res = await push(s.app, a, [
      createMutation(1, ciblage(1, a)),
      createMutation(2, ciblage(2, a)),
      createMutation(3, failedVisit(3, a, 'absent')),
      createMutation(4, failedVisit(4, a, 'refus')),
      createMutation(5, failedVisit(5, a, 'demenage')),
    ]);
    expect(res.json<{ results: { outcome: string }[] }>().results.map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    const sup = await loginSession(s.app, 'sup.koro');
    const panel = (
      await s.app.inject({ method: 'GET', url: '/api/dashboard/ciblage', headers: sup })
    ).json<Panel>();
    const koro = panel.villages.find((v) => v.villageId === 'village-koro-demo-1');
    expect(koro).toMatchObject({
      surveyed: 2,
      failedVisits: 3,
      failedByOutcome: {
        absent: 1,
        refus: 1,
        demenage: 1,
        logement_vide: 0,
        menage_introuvable: 0,
      },
    });
    expect(panel.villages.find((v) => v.villageId === 'village-koro-demo-2')).toMatchObject({
      surveyed: 0,
      failedVisits: 0,
    });
  });
});
