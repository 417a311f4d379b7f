import type { FastifyInstance } from 'fastify';
import { demoPmtFormula } from '@jigi/domain/targeting';
import type { Village } from '@jigi/domain';
import { saveVillage } from '../../services/reference';
import { demoVillages } from '../../services/seed-demo';
import type { TestServer } from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  push,
  type TestDevice,
  type TestRecord,
} from '../../test-support/sync-client';

// Arrangements shared by the targeting tests: surveyed households of Koro's demo village that differ
// in what the demo formula weighs, approved by the supervisor, and a formula adopted by the admin.

export const KORO_VILLAGE = 'village-koro-demo-1';

/** Household n of the village: higher `wealth` means a tin roof, solar light and more cattle. */
export function surveyed(n: number, device: TestDevice, wealth: number): TestRecord {
  const base = ciblage(n, device);
  const dwelling = base['dwelling'] as Record<string, unknown>;
  const livestock = base['livestock'] as Record<string, unknown>;
  return ciblage(n, device, {
    householdCode: `KOR-DIO-001-AK-${String(n).padStart(4, '0')}`,
    dwelling: {
      ...dwelling,
      roof: wealth >= 1 ? 'tole' : 'terre',
      lighting: wealth >= 2 ? 'solaire' : 'torche',
    },
    livestock: { ...livestock, cattle: wealth * 3 },
  });
}

export async function pushAll(app: FastifyInstance, device: TestDevice, records: TestRecord[]) {
  const res = await push(
    app,
    device,
    records.map((r, i) => createMutation(i + 1, r)),
  );
  if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
  const outcomes = res.json<{ results: { outcome: string }[] }>().results.map((r) => r.outcome);
  if (outcomes.some((o) => o !== 'applied')) throw new Error(`push outcomes: ${outcomes.join()}`);
}

export async function decide(
  app: FastifyInstance,
  cookie: { cookie: string },
  recordId: string,
  decision: 'approve' | 'return' | 'reject',
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/review/records/${recordId}/decision`,
    headers: cookie,
    payload: decision === 'approve' ? { decision } : { decision, comment: 'À revoir' },
  });
  if (res.statusCode !== 200) throw new Error(`decision: ${res.statusCode} ${res.body}`);
}

export async function uploadAndAdopt(
  app: FastifyInstance,
  admin: { cookie: string },
  formula: object = demoPmtFormula,
) {
  const version = (formula as { version: string }).version;
  const up = await app.inject({
    method: 'POST',
    url: '/api/targeting/formulas',
    headers: admin,
    payload: formula,
  });
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  const adopt = await app.inject({
    method: 'POST',
    url: `/api/targeting/formulas/${version}/adopt`,
    headers: admin,
  });
  if (adopt.statusCode !== 200) throw new Error(`adopt: ${adopt.statusCode} ${adopt.body}`);
  return adopt.json<{ computed: number; scored: number; unscored: number }>();
}

/** Sets a demo village's quota (the admin's village screen does the same through saveVillage). */
export async function setQuota(s: TestServer, villageId: string, quota: number) {
  const village = demoVillages.find((v) => v.id === villageId);
  if (!village) throw new Error(villageId);
  const updated: Village = { ...village, quota };
  await s.store.write((tx) => saveVillage(tx, s.deps, updated, null));
}
