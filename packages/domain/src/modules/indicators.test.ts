import { describe, expect, it } from 'vitest';
import { defaultProgramSettings } from '../settings/program-settings';
import {
  buildCiblageHousehold,
  buildHimoAttendance,
  buildHimoMicroproject,
  buildHimoWorker,
  buildMaAttendanceLine,
  buildMaSession,
  buildPnpChild,
  buildPnpEnrolment,
  buildVillage,
  sampleId,
  sampleIds,
} from '../testing/sample-records';
import { computeIndicator, type IndicatorInput } from './indicators';
import type { AnyRecordData, IndicatorTable } from './module-descriptor';
import { modules } from './registry';

const table = (id: string) => {
  const found = modules
    .flatMap((m): readonly IndicatorTable[] => m.indicators)
    .find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
};

function input(
  records: readonly AnyRecordData[],
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return {
    records: (type) => records.filter((r) => r['type'] === type),
    villages: [buildVillage(), buildVillage({ id: 'village-2', name: 'Bamba', quota: 10 })],
    microprojects: [buildHimoMicroproject()],
    settings: defaultProgramSettings,
    ...extra,
  };
}

describe('dashboard indicators', () => {
  it('counts surveyed households against each village’s quota, failed visits apart', () => {
    const rows = computeIndicator(
      table('ciblage.progress'),
      input([
        buildCiblageHousehold(),
        buildCiblageHousehold({ id: sampleId(2) }),
        buildCiblageHousehold({ id: sampleId(3), villageId: 'village-2' }),
        buildCiblageHousehold({ id: sampleId(4), result: 'absent', consent: undefined }),
        buildCiblageHousehold({ id: sampleId(5), result: 'refus', consent: undefined }),
      ]),
    );
    expect(rows).toEqual([
      { villageName: 'Dioungani (démo)', quota: 40, surveyed: 2, failedVisits: 2 },
      { villageName: 'Bamba', quota: 10, surveyed: 1, failedVisits: 0 },
    ]);
  });

  it('gives MA attendance per session and per household over the cycle', () => {
    const second = buildMaSession({
      id: sampleId(501),
      date: '2026-03-14',
      sessionNo: 5,
      attendance: [buildMaAttendanceLine({ status: 'absent', expected: false })],
    });
    const records = [buildMaSession(), second];
    expect(computeIndicator(table('ma.sessions'), input(records))).toEqual([
      {
        villageName: 'Dioungani (démo)',
        date: '2026-03-12',
        sessionNo: 4,
        expected: 2,
        present: 1,
      },
      {
        villageName: 'Dioungani (démo)',
        date: '2026-03-14',
        sessionNo: 5,
        expected: 0,
        present: 0,
      },
    ]);
    expect(computeIndicator(table('ma.households'), input(records))).toEqual([
      {
        householdCode: 'KOR-DIO-001-AK-0001',
        villageName: 'Dioungani (démo)',
        sessions: 2,
        present: 1,
      },
      {
        householdCode: 'KOR-DIO-001-AK-0002',
        villageName: 'Dioungani (démo)',
        sessions: 1,
        present: 0,
      },
    ]);
  });

  it('counts PNP children by MUAC colour with the programme’s thresholds, and referrals', () => {
    const enrolment = buildPnpEnrolment({
      children: [
        buildPnpChild({ muacMm: 110 }),
        buildPnpChild({ id: sampleId(302), muacMm: 120, referredTo: 'cscom' }),
        buildPnpChild({ id: sampleId(303), muacMm: undefined, oedema: true }),
      ],
    });
    const [dioungani] = computeIndicator(table('pnp.muac'), input([enrolment]));
    expect(dioungani).toEqual({
      villageName: 'Dioungani (démo)',
      red: 1,
      yellow: 1,
      green: 0,
      unmeasured: 1,
      referrals: 2,
      women: 1,
    });
    const stricter = {
      ...defaultProgramSettings,
      muac: { ...defaultProgramSettings.muac, childRedBelowMm: 121 },
    };
    expect(
      computeIndicator(table('pnp.muac'), input([enrolment], { settings: stricter }))[0]?.red,
    ).toBe(2);
  });

  it("sums the days worked and the wages due per microproject over the period, a replaced worker's days included", () => {
    const replaced = buildHimoWorker({ id: sampleId(402), active: false });
    const records = [
      buildHimoWorker(),
      replaced,
      buildHimoAttendance(),
      buildHimoAttendance({
        id: sampleId(701),
        date: '2026-03-03',
        lines: [
          { id: sampleIds.worker, status: 'half_day' },
          { id: replaced.id, status: 'present' },
        ],
      }),
    ];
    expect(computeIndicator(table('himo.microprojects'), input(records))).toEqual([
      { name: 'Cordons pierreux de Dioungani', workers: 1, daysWorked: 2.5, wagesDueFcfa: 5000 },
    ]);
    expect(
      computeIndicator(table('himo.microprojects'), input(records, { from: '2026-03-03' }))[0],
    ).toMatchObject({ daysWorked: 1.5, wagesDueFcfa: 3000 });
  });
});
