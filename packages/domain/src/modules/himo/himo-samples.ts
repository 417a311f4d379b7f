import {
  envelopeFields,
  merge,
  sampleId,
  sampleIds,
  type Overrides,
} from '../../testing/sample-base';
import type { HimoAttendance, HimoPayment, HimoWorker } from './himo-records';

export function buildHimoWorker(overrides: Overrides<HimoWorker> = {}): HimoWorker {
  return merge(
    {
      id: sampleIds.worker,
      type: 'himo_worker',
      schemaVersion: 1,
      ...envelopeFields,
      agentId: 'user-agent-bankass',
      projectId: sampleIds.microproject,
      householdId: sampleIds.beneficiaryHousehold,
      householdCode: 'KOR-DIO-001-AK-0001',
      memberNo: 1,
      name: 'Amadou Guindo',
      sex: 'M',
      age: 45,
      phone: '+22376123456',
      isSubstitute: false,
      active: true,
    },
    overrides,
  );
}

export function buildHimoAttendance(overrides: Overrides<HimoAttendance> = {}): HimoAttendance {
  return merge(
    {
      id: sampleId(700),
      type: 'himo_attendance',
      schemaVersion: 1,
      ...envelopeFields,
      agentId: 'user-agent-bankass',
      projectId: sampleIds.microproject,
      date: '2026-03-02',
      lines: [{ id: sampleIds.worker, status: 'present', task: 'Transport de pierres' }],
    },
    overrides,
  );
}

export function buildHimoPayment(overrides: Overrides<HimoPayment> = {}): HimoPayment {
  return merge(
    {
      id: sampleId(800),
      type: 'himo_payment',
      schemaVersion: 1,
      ...envelopeFields,
      agentId: 'user-agent-bankass',
      projectId: sampleIds.microproject,
      workerId: sampleIds.worker,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-14',
      daysWorked: 10.5,
      dailyWageFcfa: 2000,
      amountFcfa: 21000,
      paidDate: '2026-03-15',
      mode: 'orange_money',
      txnRef: 'OM260315.1234.A56789',
    },
    overrides,
  );
}
