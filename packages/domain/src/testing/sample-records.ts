// Builders of valid sample records for tests across the workspace (`@jigi/domain/testing`).
// Deterministic: ids come from `sampleId(n)`, dates are fixed around SAMPLE_TODAY. Every builder's
// output passes `validateRecord(x, sampleRuleContext())` with no error; overrides are shallow merges.
import type { CiblageHousehold, HouseholdMember } from '../records/ciblage-household';
import type { HimoAttendance, HimoMicroproject, HimoPayment, HimoWorker } from '../records/himo';
import type { MaAttendanceLine, MaSession } from '../records/ma-session';
import type { PnpChild, PnpEnrolment, PnpWoman } from '../records/pnp-enrolment';
import type { BeneficiaryHousehold, Village } from '../reference/reference-data';
import type { RuleContext } from '../rules/issue';
import { defaultProgramSettings } from '../settings/program-settings';

/** Overrides of a builder: a key set to `undefined` removes that optional field. */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

function merge<T extends object>(base: T, overrides: Overrides<T>): T {
  const out: Record<string, unknown> = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) Reflect.deleteProperty(out, k);
  return out as T;
}

/** The « today » of every sample. */
export const SAMPLE_TODAY = '2026-03-15';

/** A valid, deterministic UUID v4 for `n` (`sampleId(1)` = `00000000-0000-4000-8000-000000000001`). */
export function sampleId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Well-known ids used by the samples, so tests can refer to them. */
export const sampleIds = {
  village: 'village-koro-demo-1',
  agent: 'user-enq-koro',
  device: 'device-tab-01',
  household: sampleId(100),
  head: sampleId(101),
  spouse: sampleId(102),
  child: sampleId(103),
  beneficiaryHousehold: sampleId(200),
  beneficiaryHousehold2: sampleId(201),
  pnpChild: sampleId(300),
  pnpWoman: sampleId(301),
  microproject: sampleId(400),
  worker: sampleId(401),
} as const;

const envelopeFields = {
  villageId: sampleIds.village,
  agentId: sampleIds.agent,
  deviceId: sampleIds.device,
  capturedAt: `${SAMPLE_TODAY}T09:30:00.000Z`,
};

/** A rule context with default settings, today = SAMPLE_TODAY and the sample microproject and worker. */
export function sampleRuleContext(overrides: Overrides<RuleContext> = {}): RuleContext {
  return merge(
    {
      today: SAMPLE_TODAY,
      settings: defaultProgramSettings,
      microprojects: [buildHimoMicroproject()],
      beneficiaryHouseholds: [buildBeneficiaryHousehold()],
    },
    overrides,
  );
}

export function buildVillage(overrides: Overrides<Village> = {}): Village {
  return merge(
    {
      id: sampleIds.village,
      name: 'Dioungani (démo)',
      communeCode: 'mopti.koro.dioungani',
      demo: true,
      pnp: true,
      quota: 40,
    },
    overrides,
  );
}

export function buildBeneficiaryHousehold(
  overrides: Overrides<BeneficiaryHousehold> = {},
): BeneficiaryHousehold {
  return merge(
    {
      id: sampleIds.beneficiaryHousehold,
      villageId: sampleIds.village,
      householdCode: 'KOR-DIO-001-AK-0001',
      headName: 'Amadou Guindo',
      titulaireName: 'Fatoumata Ongoïba',
      members: [
        { memberNo: 1, name: 'Amadou Guindo', sex: 'M', ageYears: 45 },
        { memberNo: 2, name: 'Fatoumata Ongoïba', sex: 'F', ageYears: 38 },
        { memberNo: 3, name: 'Aïssata Guindo', sex: 'F', ageYears: 12 },
      ],
    },
    overrides,
  );
}

/** A roster line; defaults to an adult woman spouse. */
export function buildMember(overrides: Overrides<HouseholdMember> = {}): HouseholdMember {
  return merge(
    {
      id: sampleIds.spouse,
      memberNo: 2,
      firstName: 'Fatoumata',
      lastName: 'Ongoïba',
      sex: 'F',
      relationToHead: 'conjoint',
      ageYears: 38,
      maritalStatus: 'marie_polygame',
      chronicIllness: false,
      literate: false,
      mainActivity: 'agriculture',
      pregnant: false,
      absentMonths12m: 0,
    },
    overrides,
  );
}

/** A completed interview: a male head, a spouse and a child with a date of birth. */
export function buildCiblageHousehold(
  overrides: Overrides<CiblageHousehold> = {},
): CiblageHousehold {
  return merge(
    {
      id: sampleIds.household,
      type: 'ciblage_household',
      schemaVersion: 2,
      ...envelopeFields,
      interviewDate: '2026-03-14',
      householdCode: 'KOR-DIO-001-AK-0001',
      cbtListRank: 3,
      respondentMemberId: sampleIds.head,
      headPhone: '+22376123456',
      headIdType: 'nina',
      headIdNo: '12345678901234A',
      residenceStatus: 'resident',
      consent: { given: true, at: '2026-03-14T08:05:00.000Z' },
      result: 'complete',
      members: [
        buildMember({
          id: sampleIds.head,
          memberNo: 1,
          firstName: 'Amadou',
          lastName: 'Guindo',
          sex: 'M',
          relationToHead: 'chef',
          ageYears: 45,
          literate: true,
        }),
        buildMember(),
        buildMember({
          id: sampleIds.child,
          memberNo: 3,
          firstName: 'Aïssata',
          lastName: 'Guindo',
          relationToHead: 'enfant',
          motherMemberId: sampleIds.spouse,
          ageYears: undefined,
          dob: '2014-02-01',
          dobPrecision: 'mois',
          maritalStatus: 'celibataire',
          attendsSchool: 'classique',
          highestLevel: 'primaire_1',
          mainActivity: 'eleve',
        }),
      ],
      dwelling: {
        occupancy: 'proprietaire',
        roomsCount: 3,
        wall: 'banco',
        roof: 'terre',
        floor: 'terre',
        water: 'forage',
        waterTimeMinutes: 30,
        toilet: 'latrine_sans_dalle',
        lighting: 'torche',
        cookingFuel: 'bois_ramasse',
      },
      assets: {
        radio: 1,
        phoneBasic: 1,
        phoneSmart: 0,
        television: 0,
        fridge: 0,
        fan: 0,
        solarPanel: 0,
        bed: 2,
        mosquitoNet: 2,
        bicycle: 1,
        motorbike: 0,
        cart: 0,
        plough: 0,
        seeder: 0,
        donkeyHoe: 0,
        canoeMotor: 0,
        canoe: 0,
        fishingNet: 0,
        sewingMachine: 0,
        mill: 0,
        motorPump: 0,
        car: 0,
      },
      livestock: { cattle: 0, sheep: 2, goats: 5, camels: 0, donkeys: 1, horses: 0, poultry: 8 },
      land: { cultivates: true, areaHa: 2.5, tenure: 'coutumier', irrigated: false },
      foodSecurity: {
        mealsAdults: 2,
        mealsChildren: 3,
        hungerGapMonths: 3,
        shocks12m: ['secheresse'],
      },
      otherPrograms: [],
      gps: { lat: 14.07, lon: -3.08, accuracyM: 8 },
    },
    overrides,
  );
}

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

export function buildHimoMicroproject(
  overrides: Overrides<HimoMicroproject> = {},
): HimoMicroproject {
  return merge(
    {
      projectId: sampleIds.microproject,
      name: 'Cordons pierreux de Dioungani',
      type: 'cordons_pierreux',
      communeCode: 'mopti.koro.dioungani',
      villageIds: [sampleIds.village],
      startDate: '2026-02-01',
      endDate: '2026-04-30',
      plannedDays: 60,
      plannedWorkers: 80,
      dailyWageFcfa: 2000,
      ngo: 'ONG Yam Giribolo',
      chefChantier: 'Ousmane Tembély',
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
