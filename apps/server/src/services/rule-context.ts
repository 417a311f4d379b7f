import { defaultProgramSettings, type BeneficiaryHousehold, type HimoAttendance, type HimoMicroproject, type HimoWorker, type RuleContext } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import { todayOf, type Deps } from './deps';
import { currentSettings } from './reference';

/**
 * What the domain rules may know on the server: today, the settings in force, the village's
 * beneficiary households, the microprojects and, for HIMO records, the project's roll and attendance.
 * Stored data was validated when written, hence the casts from JSON.
 */
export function ruleContextFor(deps: Deps, record: JsonObject): RuleContext {
  const { repo } = deps;
  const villageId = typeof record['villageId'] === 'string' ? record['villageId'] : '';
  const type = record['type'];
  const context: RuleContext = {
    today: todayOf(deps.now()),
    settings: currentSettings(deps) ?? defaultProgramSettings,
    beneficiaryHouseholds: repo.listHouseholds([villageId]).map((h) => h.data as unknown as BeneficiaryHousehold),
    microprojects: repo.listMicroprojects().map((m) => m.data as unknown as HimoMicroproject),
  };
  const projectId = record['projectId'];
  if (typeof type === 'string' && type.startsWith('himo_') && typeof projectId === 'string') {
    context.himoWorkers = repo.recordsByField('himo_worker', 'projectId', projectId).map((r) => r.data as unknown as HimoWorker);
    if (type === 'himo_payment') context.attendanceSheets = repo.recordsByField('himo_attendance', 'projectId', projectId).map((r) => r.data as unknown as HimoAttendance);
  }
  return context;
}
