import type { HimoAttendance, HimoPayment, HimoWorker } from '../records/himo';
import type { MaAttendanceLine, MaSession } from '../records/ma-session';
import type { PnpChild, PnpEnrolment, PnpWoman } from '../records/pnp-enrolment';
import { envelopeFields, merge, sampleId, sampleIds, type Overrides } from './sample-base';

export function buildMaAttendanceLine(
  overrides: Overrides<MaAttendanceLine> = {},
): MaAttendanceLine {
  return merge(
    {
      id: sampleIds.beneficiaryHousehold,
      householdCode: 'KOR-DIO-001-AK-0001',
      expected: true,
      status: 'present',
      attendeeMemberNo: 2,
    },
    overrides,
  );
}

export function buildMaSession(overrides: Overrides<MaSession> = {}): MaSession {
  return merge(
    {
      id: sampleId(500),
      type: 'ma_session',
      schemaVersion: 1,
      ...envelopeFields,
      agentId: 'user-anim-koro',
      date: '2026-03-12',
      startTime: '09:00',
      durationMin: 90,
      themes: ['allaitement_exclusif', 'hygiene_lavage_mains'],
      sessionNo: 4,
      facilitator: { name: 'Mariam Togo', role: 'animateur_ong', phone: '+22366554433' },
      partnerNgo: 'ONG Yam Giribolo',
      languageUsed: 'dogon',
      place: 'Sous le hangar du chef de village',
      menCount: 2,
      womenCount: 5,
      attendance: [
        buildMaAttendanceLine(),
        buildMaAttendanceLine({
          id: sampleIds.beneficiaryHousehold2,
          householdCode: 'KOR-DIO-001-AK-0002',
          status: 'absent',
          attendeeMemberNo: undefined,
          absenceReason: 'Marché hebdomadaire',
        }),
      ],
    },
    overrides,
  );
}

export function buildPnpChild(overrides: Overrides<PnpChild> = {}): PnpChild {
  return merge(
    {
      id: sampleIds.pnpChild,
      name: 'Hawa Guindo',
      sex: 'F',
      dob: '2024-09-10',
      dobPrecision: 'exacte',
      dobSource: 'carnet',
      motherWomanId: sampleIds.pnpWoman,
      muacMm: 132,
      oedema: false,
      vaccinationCard: true,
      rationType: 'SQ-LNS',
    },
    overrides,
  );
}

export function buildPnpWoman(overrides: Overrides<PnpWoman> = {}): PnpWoman {
  return merge(
    {
      id: sampleIds.pnpWoman,
      name: 'Fatoumata Ongoïba',
      age: 27,
      status: 'enceinte',
      pregnancyMonths: 5,
      muacMm: 245,
      cpnCount: 2,
    },
    overrides,
  );
}

export function buildPnpEnrolment(overrides: Overrides<PnpEnrolment> = {}): PnpEnrolment {
  return merge(
    {
      id: sampleId(600),
      type: 'pnp_enrolment',
      schemaVersion: 1,
      ...envelopeFields,
      agentId: 'user-agent-bankass',
      visitDate: '2026-03-13',
      household: {
        householdCode: 'KOR-DIO-001-AK-0001',
        caregiver: { name: 'Fatoumata Ongoïba', sex: 'F', relation: 'mère', phone: '+22379001122' },
      },
      children: [buildPnpChild()],
      women: [buildPnpWoman()],
    },
    overrides,
  );
}

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
