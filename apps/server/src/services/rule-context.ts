import {
  defaultProgramSettings,
  type BeneficiaryHousehold,
  type HimoAttendance,
  type HimoMicroproject,
  type HimoWorker,
  type ProgramSettings,
  type RuleContext,
} from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import { todayOf, type Deps } from './deps';
import { currentSettings } from './reference';

/**
 * What the domain rules may know on the server: today, the settings in force, the village's
 * beneficiary households, the microprojects and, for HIMO records, the project's roll and attendance.
 * Stored data was validated when written, hence the casts from JSON.
 *
 * Built for one transaction (a push, a resolution) and asked once per record: reading the settings,
 * the village's households and the microprojects again for every record of a push was a third of
 * the server's time. Inside the transaction nothing else writes (SQLite's single writer), and a push
 * writes none of the reference data, so those stay valid. HIMO rolls and attendance sheets are
 * records, which a push does write: `recordWritten` drops the projects they belong to, so a later
 * record of the same push is checked against the roll as it now stands.
 */
export type RuleContexts = {
  for(record: JsonObject): RuleContext;
  /** A record of this transaction was written; `before` and `after` are its data (null: none). */
  recordWritten(type: string, before: JsonObject | null, after: JsonObject | null): void;
};

const projectRecordTypes = new Set(['himo_worker', 'himo_attendance']);

export function ruleContexts(deps: Deps): RuleContexts {
  const { repo } = deps;
  const today = todayOf(deps.now());
  let settings: ProgramSettings | undefined;
  let microprojects: HimoMicroproject[] | undefined;
  const households = new Map<string, BeneficiaryHousehold[]>();
  const byProject = new Map<string, readonly JsonObject[]>();
  const projectRecords = (type: string, projectId: string): readonly JsonObject[] => {
    const key = `${type}\u0000${projectId}`;
    let rows = byProject.get(key);
    if (rows === undefined) {
      rows = repo.recordsByField(type, 'projectId', projectId).map((r) => r.data);
      byProject.set(key, rows);
    }
    return rows;
  };
  return {
    for(record) {
      const villageId = typeof record['villageId'] === 'string' ? record['villageId'] : '';
      const type = record['type'];
      settings ??= currentSettings(deps) ?? defaultProgramSettings;
      microprojects ??= repo.listMicroprojects().map((m) => m.data as unknown as HimoMicroproject);
      let villageHouseholds = households.get(villageId);
      if (villageHouseholds === undefined) {
        villageHouseholds = repo
          .listHouseholds([villageId])
          .map((h) => h.data as unknown as BeneficiaryHousehold);
        households.set(villageId, villageHouseholds);
      }
      const context: RuleContext = {
        today,
        settings,
        beneficiaryHouseholds: villageHouseholds,
        microprojects,
      };
      const projectId = record['projectId'];
      if (typeof type === 'string' && type.startsWith('himo_') && typeof projectId === 'string') {
        context.himoWorkers = projectRecords('himo_worker', projectId) as unknown as HimoWorker[];
        if (type === 'himo_payment')
          context.attendanceSheets = projectRecords(
            'himo_attendance',
            projectId,
          ) as unknown as HimoAttendance[];
      }
      return context;
    },
    recordWritten(type, before, after) {
      if (!projectRecordTypes.has(type)) return;
      for (const data of [before, after]) {
        const projectId = data?.['projectId'];
        if (typeof projectId === 'string') byProject.delete(`${type}\u0000${projectId}`);
      }
    },
  };
}

/** The rule context of one record, read afresh (a single write: a supervisor's resolution). */
export function ruleContextFor(deps: Deps, record: JsonObject): RuleContext {
  return ruleContexts(deps).for(record);
}
