import {
  envelopeFields,
  merge,
  sampleId,
  sampleIds,
  type Overrides,
} from '../../testing/sample-base';
import type { PnpChild, PnpEnrolment, PnpWoman } from './pnp-enrolment';

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
