import {
  envelopeFields,
  merge,
  sampleId,
  sampleIds,
  type Overrides,
} from '../../testing/sample-base';
import type { MaAttendanceLine, MaSession } from './ma-session';

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
