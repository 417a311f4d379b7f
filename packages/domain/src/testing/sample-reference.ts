import type { HimoMicroproject } from '../modules/himo/himo-records';
import type { BeneficiaryHousehold, Village } from '../reference/reference-data';
import { merge, sampleIds, type Overrides } from './sample-base';

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
