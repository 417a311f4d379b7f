import type { HimoAttendance, HimoWorker, RuleContext } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';

/**
 * What HIMO's rules need beyond the common context: the project's roll (workers) and, for a payment
 * or a sheet, the project's attendance sheets. Both are records of the project, read with `projectRecords` (which holds
 * the set until the transaction commits, so concurrent pushes check against the same roll).
 */
export const himoProjectRecordTypes: ReadonlySet<string> = new Set([
  'himo_worker',
  'himo_attendance',
]);

export async function addHimoContext(
  context: RuleContext,
  record: JsonObject,
  projectRecords: (type: string, projectId: string) => Promise<readonly JsonObject[]>,
): Promise<void> {
  const type = record['type'];
  const projectId = record['projectId'];
  if (typeof type !== 'string' || !type.startsWith('himo_') || typeof projectId !== 'string')
    return;
  context.himoWorkers = (await projectRecords('himo_worker', projectId)) as unknown as HimoWorker[];
  // A payment's days come from the sheets; a sheet must be the only one of its project and day.
  if (type === 'himo_payment' || type === 'himo_attendance')
    context.attendanceSheets = (await projectRecords(
      'himo_attendance',
      projectId,
    )) as unknown as HimoAttendance[];
}
