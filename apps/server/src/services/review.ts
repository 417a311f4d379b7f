import { isRecordType, validateRecord } from '@jigi/domain';
import { diffRecords, resolveConflict, type Json, type JsonObject } from '@jigi/sync';
import { AppError } from '../errors/app-error';
import type { AuthContext } from '../plugins/access';
import type { ConflictRow, RecordRow, ReviewStatus } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { writeRecordChange } from './record-writes';
import { ruleContextFor } from './rule-context';
import { inScope } from './scope';

export type Decision = 'approve' | 'return' | 'reject';
const statusOf: Record<Decision, ReviewStatus> = {
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
};

/**
 * A record the caller may see. Out of zone answers 404 like an unknown id: ids typed by hand reveal
 * nothing about other zones.
 */
export async function visibleRecord(
  tx: Tx,
  auth: AuthContext,
  recordId: string,
): Promise<RecordRow> {
  const record = await tx.sync.recordById(recordId);
  if (record === undefined || !inScope(await auth.scope(), record.villageId))
    throw new AppError('not_found', { details: { recordId } });
  return record;
}

export async function visibleConflict(
  tx: Tx,
  auth: AuthContext,
  conflictId: string,
): Promise<{ conflict: ConflictRow; record: RecordRow }> {
  const conflict = await tx.review.conflictById(conflictId);
  if (conflict === undefined) throw new AppError('not_found', { details: { conflictId } });
  const record = await tx.sync.recordById(conflict.recordId);
  if (record === undefined || !inScope(await auth.scope(), record.villageId))
    throw new AppError('not_found', { details: { conflictId } });
  return { conflict, record };
}

/**
 * Approve, return (with a comment: it becomes a task for the agent who made the record, pulled by
 * their tablet) or reject records, all or none: one record out of zone or in a wrong state refuses
 * the whole request.
 */
export async function decide(
  deps: Deps,
  auth: AuthContext,
  recordIds: readonly string[],
  decision: Decision,
  comment: string | undefined,
): Promise<{ recordId: string; reviewStatus: ReviewStatus; taskId?: string }[]> {
  if (decision === 'return' && (comment === undefined || comment.trim() === '')) {
    throw new AppError('invalid_body', {
      message: 'Champ « comment » obligatoire : expliquez à l’agent ce qu’il doit corriger.',
      details: { field: 'comment' },
    });
  }
  await auth.scope(); // read before the write opens (visibleRecord checks the zone inside it)
  return deps.store.write(async (tx) => {
    const at = deps.now().toISOString();
    const results: { recordId: string; reviewStatus: ReviewStatus; taskId?: string }[] = [];
    for (const recordId of recordIds) {
      const record = await visibleRecord(tx, auth, recordId);
      if (record.deleted)
        throw new AppError('invalid_state', {
          message: `Fiche ${recordId} : supprimée, elle ne peut plus être revue.`,
          details: { recordId },
        });
      const status = statusOf[decision];
      await tx.review.setReviewStatus(record.id, status, at);
      await tx.review.insertReviewDecision({
        recordId: record.id,
        version: record.version,
        decision,
        comment: comment ?? null,
        userId: auth.user.id,
        at,
      });
      await tx.audit.append({
        at,
        userId: auth.user.id,
        action: `review.${decision}`,
        entity: 'record',
        entityId: record.id,
        details: { version: record.version, comment: comment ?? null },
      });
      await tx.sync.logChange({
        entity: 'record',
        entityId: record.id,
        villageId: record.villageId,
        recordType: record.type,
        audienceUserId: null,
      });
      if (decision !== 'return') {
        results.push({ recordId, reviewStatus: status });
        continue;
      }
      const taskId = deps.newId();
      await tx.review.insertTask({
        id: taskId,
        recordId: record.id,
        userId: record.createdBy,
        comment: comment ?? '',
        createdBy: auth.user.id,
        createdAt: at,
        status: 'open',
        closedAt: null,
      });
      await tx.sync.logChange({
        entity: 'task',
        entityId: taskId,
        villageId: record.villageId,
        recordType: record.type,
        audienceUserId: record.createdBy,
      });
      results.push({ recordId, reviewStatus: status, taskId });
    }
    return results;
  });
}

export type Resolution =
  { choice: 'server' } | { choice: 'incoming' } | { choice: 'value'; value: Json };

/**
 * Settles a queued conflict. The chosen value becomes a new version of the record stamped by the
 * supervisor (a new server change that devices pull); keeping the server's value changes nothing but
 * closes the conflict. The result must still pass the domain rules at error level.
 */
export async function resolve(
  deps: Deps,
  auth: AuthContext,
  conflictId: string,
  resolution: Resolution,
): Promise<{ conflictId: string; version: number }> {
  await auth.scope(); // read before the write opens (visibleRecord checks the zone inside it)
  return deps.store.write(async (tx) => {
    const { conflict, record } = await visibleConflict(tx, auth, conflictId);
    if (conflict.status !== 'open')
      throw new AppError('invalid_state', {
        message: 'Ce conflit est déjà arbitré.',
        details: { conflictId },
      });
    if (record.deleted)
      throw new AppError('invalid_state', {
        message: 'La fiche de ce conflit a été supprimée.',
        details: { conflictId },
      });
    let chosen = chosenValue(conflict, resolution);
    const state = {
      version: record.version,
      fieldVersions: record.fieldVersions,
      record: record.data,
      deleted: record.deleted,
    };
    const actor = `user:${auth.user.id}`;
    const next = resolveConflict(state, conflict.path, chosen, actor);
    if (!next.ok)
      throw new AppError('invalid_state', { details: { conflictId, reason: next.error.code } });
    const at = deps.now().toISOString();
    if (next.state.version !== record.version) {
      if (!isRecordType(record.type))
        throw new Error(`stored record ${record.id} has unknown type ${record.type}`);
      const validation = validateRecord(
        next.state.record,
        await ruleContextFor(tx, deps, next.state.record),
      );
      if (!validation.ok)
        throw new AppError('record_invalid', {
          details: { issues: validation.issues.filter((i) => i.severity === 'error') },
        });
      // Stored is what the schema produced (NFC, trimmed), as for a push.
      const stored = (validation.record as unknown as JsonObject | undefined) ?? next.state.record;
      const diff = diffRecords(record.data, stored);
      if (conflict.path in diff) chosen = diff[conflict.path] ?? null;
      await writeRecordChange(tx, {
        recordId: record.id,
        existing: record,
        state: { ...next.state, record: stored },
        type: record.type,
        warnings: validation.issues,
        serverTime: at,
        batchNumber: null,
        actor,
        userId: auth.user.id,
        deviceId: null,
        mutationId: null,
        clientTime: null,
        op: 'resolve',
        changes: { [conflict.path]: chosen },
        overwritten: [
          {
            path: conflict.path,
            previousValue: conflict.serverValue,
            previousVersion: record.version,
          },
        ],
      });
    }
    await tx.review.resolveConflictRow(conflict.id, chosen, auth.user.id, at, next.state.version);
    await tx.sync.logChange({
      entity: 'conflict',
      entityId: conflict.id,
      villageId: record.villageId,
      recordType: record.type,
      audienceUserId: null,
    });
    // Re-log the record so its pending paths (pull meta) update even when no new version was made.
    await tx.sync.logChange({
      entity: 'record',
      entityId: record.id,
      villageId: record.villageId,
      recordType: record.type,
      audienceUserId: null,
    });
    await tx.audit.append({
      at,
      userId: auth.user.id,
      action: 'conflict.resolve',
      entity: 'conflict',
      entityId: conflict.id,
      details: { choice: resolution.choice, value: chosen },
    });
    return { conflictId: conflict.id, version: next.state.version };
  });
}

function chosenValue(conflict: ConflictRow, resolution: Resolution): Json {
  switch (resolution.choice) {
    case 'server':
      return conflict.serverValue;
    case 'incoming':
      return conflict.incomingValue;
    case 'value':
      return resolution.value;
  }
}
