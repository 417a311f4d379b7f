import { describe, expect, it } from 'vitest';
import * as domain from './index';
import * as testing from './testing/sample-records';

// Other packages code against these names: removing or renaming one is a breaking change that must
// be agreed (docs/architecture.md), not an accident of refactoring.
describe('public API', () => {
  it('exports the names the other packages rely on', () => {
    const names = [
      'recordTypes',
      'recordSchemas',
      'fieldRecordSchema',
      'currentSchemaVersions',
      'migrateRecord',
      'ciblageHouseholdSchema',
      'maSessionSchema',
      'pnpEnrolmentSchema',
      'himoWorkerSchema',
      'himoAttendanceSchema',
      'himoPaymentSchema',
      'himoMicroprojectSchema',
      'villageSchema',
      'beneficiaryHouseholdSchema',
      'programSettingsSchema',
      'defaultProgramSettings',
      'validateRecord',
      'validateDraft',
      'isCriticalPath',
      'householdSize',
      'memberAge',
      'ageInMonths',
      'muacColour',
      'findDuplicateActiveWorkers',
      'computeDaysWorked',
      'normalizeMaliPhone',
      'normalizeNina',
      'searchKey',
      'personNameSchema',
      'formatFcfa',
      'parseFcfa',
      'formatDateFr',
      'listRegions',
      'listCercles',
      'listCommunes',
      'getArea',
      'searchCommunes',
      'isInZone',
      'assetKeys',
    ];
    const missing = names.filter((n) => !(n in domain));
    expect(missing).toEqual([]);
  });

  it('@jigi/domain/testing exports a builder for every record type', () => {
    for (const name of [
      'buildCiblageHousehold',
      'buildMaSession',
      'buildPnpEnrolment',
      'buildHimoWorker',
      'buildHimoAttendance',
      'buildHimoPayment',
      'buildHimoMicroproject',
      'buildVillage',
      'buildBeneficiaryHousehold',
      'sampleRuleContext',
      'sampleId',
      'sampleIds',
    ]) {
      expect(name in testing).toBe(true);
    }
    expect(domain.recordTypes.map((t) => domain.recordSchemas[t].shape.type.value)).toEqual([
      ...domain.recordTypes,
    ]);
  });
});
