import {
  diffRecords,
  type Issue,
  type Json,
  type Mutation,
  type ServerRecordState,
} from '@jigi/sync';
import type { RecordRow } from '../storage/rows';
import type { Tx } from '../storage/store';

export type RecordWrite = {
  recordId: string;
  existing: RecordRow | undefined;
  state: ServerRecordState;
  type: string;
  warnings: readonly Issue[];
  serverTime: string;
  /** The review batch of a device push; null for a supervisor's resolution. */
  batchNumber: number | null;
  /** Who made the change: a device id, or `user:<id>` for a supervisor. */
  actor: string;
  userId: string;
  deviceId: string | null;
  mutationId: number | null;
  clientTime: string | null;
  op: string;
  changes: Json;
  overwritten: Json;
  /**
   * The device that sent exactly this version and learns it from its push answer (outcome
   * `applied`): pull does not send it back to that device.
   */
  echoDeviceId?: string | undefined;
};

/**
 * Stores a new version of a record with everything that goes with it: the version history (with the
 * values it overwrote), the change-log entry that makes pull send it, the batch link, and — for a new
 * version from a device — review back to « received » and the device owner's open tasks closed.
 */
export async function writeRecordChange(tx: Tx, w: RecordWrite): Promise<void> {
  const villageId =
    typeof w.state.record['villageId'] === 'string'
      ? w.state.record['villageId']
      : (w.existing?.villageId ?? '');
  const fromDevice = w.deviceId !== null && w.mutationId !== null;
  await tx.sync.saveRecord({
    id: w.recordId,
    type: w.type,
    villageId,
    version: w.state.version,
    data: w.state.record,
    fieldVersions: { ...w.state.fieldVersions },
    deleted: w.state.deleted,
    reviewStatus: fromDevice ? 'received' : (w.existing?.reviewStatus ?? 'received'),
    warnings: w.warnings.map((i) => ({ ...i })),
    createdBy: w.existing?.createdBy ?? w.userId,
    deviceId: w.existing?.deviceId ?? w.deviceId ?? '',
    createdAt: w.existing?.createdAt ?? w.serverTime,
    updatedAt: w.serverTime,
  });
  const { recordId } = w;
  await tx.sync.insertRecordVersion({
    recordId,
    version: w.state.version,
    op: w.op,
    changes: w.changes,
    overwritten: w.overwritten,
    actor: w.actor,
    userId: w.userId,
    deviceId: w.deviceId,
    mutationId: w.mutationId,
    serverTime: w.serverTime,
    clientTime: w.clientTime,
  });
  await tx.sync.logChange({
    entity: 'record',
    entityId: recordId,
    villageId,
    recordType: w.type,
    audienceUserId: null,
    echoDeviceId: w.echoDeviceId ?? null,
  });
  if (w.batchNumber !== null)
    await tx.sync.addBatchRecord(w.batchNumber, recordId, w.state.version);
  if (fromDevice) {
    for (const task of await tx.review.openTasksOf(recordId)) {
      if (task.userId !== w.userId) continue;
      await tx.review.closeTask(task.id, w.serverTime);
      await tx.sync.logChange({
        entity: 'task',
        entityId: task.id,
        villageId,
        recordType: w.type,
        audienceUserId: task.userId,
      });
    }
  }
}

/**
 * The version history's `changes`: the stored values (normalised), not the sent ones — a whole
 * record for a create, each applied path for a patch (a path whose value the schema rewrote is read
 * from the diff against the previous version).
 */
export function storedChanges(
  mutation: Mutation,
  appliedPaths: readonly string[],
  existing: RecordRow | undefined,
  state: ServerRecordState,
): Json {
  if (mutation.op === 'create') return state.record;
  if (mutation.op !== 'patch') return null;
  const diff = existing === undefined ? {} : diffRecords(existing.data, state.record);
  return Object.fromEntries(
    appliedPaths.map((p) => [p, p in diff ? (diff[p] ?? null) : (mutation.changes[p] ?? null)]),
  );
}
