import {
  defaultProgramSettings,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type RuleContext,
} from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import { addHimoContext, himoProjectRecordTypes } from '../features/himo/himo-rule-context';
import type { Tx } from '../storage/store';
import { todayOf, type Deps } from './deps';
import { currentSettings } from './reference';

/**
 * What the domain rules may know on the server: today, the settings in force, the village's
 * beneficiary households, the microprojects and, for HIMO records, the project's roll and attendance.
 * Stored data was validated when written, hence the casts from JSON.
 *
 * Built for one transaction (a push, a resolution) and asked once per record: reading the settings,
 * the village's households and the microprojects again for every record of a push was a third of
 * the server's time. A push writes none of the reference data, so those stay valid for it (an admin's
 * change meanwhile applies from the next push). HIMO rolls and attendance sheets are records, which
 * pushes do write, concurrently on PostgreSQL: they are read with `recordsWhere`, which holds the set
 * until this transaction commits (store.ts, promise 4), so two pushes never both pass a roll check
 * against the same stale roll; `recordWritten` drops the projects a record of this push belongs to,
 * so a later record of the same push is checked against the roll as it now stands.
 */
export type RuleContexts = {
  for(record: JsonObject): Promise<RuleContext>;
  /** Whether the village exists, read once per transaction (every mutation of a push asks). */
  villageExists(villageId: string): Promise<boolean>;
  /** The village's name, for messages a person reads (undefined: no such village). */
  villageName(villageId: string): Promise<string | undefined>;
  /** A record of this transaction was written; `before` and `after` are its data (null: none). */
  recordWritten(type: string, before: JsonObject | null, after: JsonObject | null): void;
};

export function ruleContexts(tx: Tx, deps: Deps): RuleContexts {
  const today = todayOf(deps.now());
  let settings: ProgramSettings | undefined;
  let microprojects: HimoMicroproject[] | undefined;
  const households = new Map<string, BeneficiaryHousehold[]>();
  const byProject = new Map<string, readonly JsonObject[]>();
  const projectRecords = async (
    type: string,
    projectId: string,
  ): Promise<readonly JsonObject[]> => {
    const key = `${type}\u0000${projectId}`;
    let rows = byProject.get(key);
    if (rows === undefined) {
      rows = (await tx.sync.recordsWhere({ type, field: 'projectId', value: projectId })).map(
        (r) => r.data,
      );
      byProject.set(key, rows);
    }
    return rows;
  };
  const villages = new Map<string, { name: string } | null>();
  const village = async (villageId: string) => {
    let known = villages.get(villageId);
    if (known === undefined) {
      const row = await tx.reference.villageById(villageId);
      known = row === undefined ? null : { name: row.name };
      villages.set(villageId, known);
    }
    return known;
  };
  return {
    async villageExists(villageId) {
      return (await village(villageId)) !== null;
    },
    async villageName(villageId) {
      return (await village(villageId))?.name;
    },
    async for(record) {
      const villageId = typeof record['villageId'] === 'string' ? record['villageId'] : '';
      settings ??= (await currentSettings(tx)) ?? defaultProgramSettings;
      microprojects ??= (await tx.reference.listMicroprojects()).map(
        (m) => m.data as unknown as HimoMicroproject,
      );
      let villageHouseholds = households.get(villageId);
      if (villageHouseholds === undefined) {
        villageHouseholds = (await tx.reference.listHouseholds([villageId])).map(
          (h) => h.data as unknown as BeneficiaryHousehold,
        );
        households.set(villageId, villageHouseholds);
      }
      const context: RuleContext = {
        today,
        settings,
        beneficiaryHouseholds: villageHouseholds,
        microprojects,
      };
      await addHimoContext(context, record, projectRecords);
      return context;
    },
    recordWritten(type, before, after) {
      if (!himoProjectRecordTypes.has(type)) return;
      for (const data of [before, after]) {
        const projectId = data?.['projectId'];
        if (typeof projectId === 'string') byProject.delete(`${type}\u0000${projectId}`);
      }
    },
  };
}

/** The rule context of one record, read afresh (a single write: a supervisor's resolution). */
export function ruleContextFor(tx: Tx, deps: Deps, record: JsonObject): Promise<RuleContext> {
  return ruleContexts(tx, deps).for(record);
}
