import { envelopeFields, merge, sampleId, type Overrides } from '../../testing/sample-base';
import type { AssemblyLine, AssemblyValidation } from './assembly-validation';

export function buildAssemblyLine(overrides: Overrides<AssemblyLine> = {}): AssemblyLine {
  return merge(
    {
      id: sampleId(600),
      listStatus: 'selected',
      listRank: 1,
      householdCode: 'KOR-DIO-001-AK-0001',
      headName: 'Amadou Guindo',
      decision: 'retenu',
    },
    overrides,
  );
}

/** A held assembly: two households kept, quota 2. */
export function buildAssemblyValidation(
  overrides: Overrides<AssemblyValidation> = {},
): AssemblyValidation {
  return merge(
    {
      id: sampleId(650),
      type: 'assembly_validation',
      schemaVersion: 1,
      ...envelopeFields,
      publishedAt: '2026-03-10T08:00:00.000Z',
      quota: 2,
      held: true,
      date: '2026-03-14',
      place: 'Place publique',
      chairedBy: 'Hamidou Guindo',
      attendanceMen: 40,
      attendanceWomen: 52,
      minutesDecision: 'validee',
      households: [
        buildAssemblyLine(),
        buildAssemblyLine({
          id: sampleId(601),
          listRank: 2,
          householdCode: 'KOR-DIO-001-AK-0002',
          headName: 'Mariam Ongoïba',
        }),
        buildAssemblyLine({
          id: sampleId(602),
          listStatus: 'waiting',
          listRank: 3,
          householdCode: 'KOR-DIO-001-AK-0003',
          headName: 'Ousmane Kassogué',
          decision: undefined,
        }),
      ],
    },
    overrides,
  );
}
