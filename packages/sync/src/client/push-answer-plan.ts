import type { Json, JsonObject } from '../json';
import type { MutationResult } from '../messages/mutation-result';
import { applyChanges } from '../paths/apply-changes';
import type { ClientOutboxRow, ClientRecordRow, LocalRecord, RecordRejection } from './rows';

// A push answer, decided here and stored by the client in one transaction (the tablet:
// apps/field/src/storage/sync-push-results.ts). Applying the same answer twice changes nothing the
// second time: a result whose row already left the outbox (another tab) matches nothing.

export interface PushTally {
  /** Results applied now (a result whose mutation already left the outbox — another tab — is not counted). */
  acknowledged: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejections: { recordId: string; code: string; message: string }[];
}

export interface AnsweredMutation {
  result: MutationResult;
  row: ClientOutboxRow;
}

/**
 * The results that still have their in-flight row (same id, same record), in result order.
 * `needsAllInFlight` when a result names an id the batch's rows do not hold (a batch of an older
 * layout): match again against every in-flight row of the user.
 */
export function matchAnswer(
  results: readonly MutationResult[],
  inFlight: readonly ClientOutboxRow[],
): { answered: AnsweredMutation[]; needsAllInFlight: boolean } {
  const byId = new Map(inFlight.map((r) => [r.mutationId, r]));
  const answered = results.flatMap((result) => {
    const row = byId.get(result.mutationId);
    return row?.seq !== undefined && row.recordId === result.recordId ? [{ result, row }] : [];
  });
  return { answered, needsAllInFlight: results.some((r) => !byId.has(r.mutationId)) };
}

export interface PushAnswerPlan {
  tally: PushTally;
  deleteRows: number[];
  /** Pending rows whose base version the answer raised. */
  putRows: ClientOutboxRow[];
  putRecords: ClientRecordRow[];
  deleteRecords: string[];
}

/**
 * What an answer does: every answered mutation leaves the outbox; its record takes the server
 * version; a rejected one is marked with its reason (the id is consumed, the user corrects and
 * finalises again, which sends a fresh change, docs/architecture.md §4); `conflict_queued` shows
 * « en attente d'arbitrage ». Results are taken in order: a record may have two mutations in one batch.
 *
 * `outboxOf` holds every outbox row of each answered record (the answered ones included);
 * `recordOf` the records as stored.
 */
export function planPushAnswer(input: {
  answered: readonly AnsweredMutation[];
  outboxOf: ReadonlyMap<string, readonly ClientOutboxRow[]>;
  recordOf: ReadonlyMap<string, ClientRecordRow>;
  now: string;
}): PushAnswerPlan {
  const tally: PushTally = {
    acknowledged: 0,
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    rejections: [],
  };
  const outboxOf = new Map([...input.outboxOf].map(([id, rows]) => [id, [...rows]]));
  const recordOf = new Map(input.recordOf);
  const deletedRows = new Set<number>();
  const changedRows = new Map<number, ClientOutboxRow>();
  const changedRecords = new Set<string>();
  const deletedRecords = new Set<string>();
  const dropRow = (row: ClientOutboxRow) => {
    deletedRows.add(row.seq as number);
    changedRows.delete(row.seq as number);
    outboxOf.set(
      row.recordId,
      (outboxOf.get(row.recordId) ?? []).filter((r) => r.seq !== row.seq),
    );
  };

  for (const { result, row } of input.answered) {
    dropRow(row);
    tally.acknowledged++;
    const rest = outboxOf.get(row.recordId) ?? [];
    const rec = recordOf.get(row.recordId);
    if (result.outcome === 'rejected') {
      const rejection: RecordRejection = {
        code: result.error.code,
        message: result.error.message,
        issues: result.error.issues,
        mutationId: result.mutationId,
        at: input.now,
      };
      tally.rejections.push({
        recordId: row.recordId,
        code: result.error.code,
        message: result.error.message,
      });
      // The record's content keeps every later local edit; re-finalising after the correction
      // diffs it from what the server last accepted, so the pending rows behind it would only
      // fail the same way.
      for (const r of rest) if (r.state === 'pending' && r.seq !== undefined) dropRow(r);
      if (rec) {
        recordOf.set(rec.id, { ...rec, syncStatus: 'rejected', rejection });
        changedRecords.add(rec.id);
      }
      continue;
    }
    tally.accepted++;
    if (result.outcome === 'duplicate') tally.duplicates++;
    if (result.outcome === 'conflict_queued') tally.conflicts++;
    // Changes written while the create was in flight were based on "version 0": now it has one.
    if (row.op === 'create') {
      for (const r of rest) {
        if (r.state !== 'pending' || r.baseVersion !== 0 || r.seq === undefined) continue;
        const raised = { ...r, baseVersion: result.version };
        changedRows.set(r.seq, raised);
        outboxOf.set(
          row.recordId,
          (outboxOf.get(row.recordId) ?? []).map((x) => (x.seq === r.seq ? raised : x)),
        );
      }
    }
    if (!rec) continue;
    if (row.op === 'delete') {
      if (rest.length === 0) {
        recordOf.delete(rec.id);
        changedRecords.delete(rec.id);
        deletedRecords.add(rec.id);
      }
      continue;
    }
    const before = (rec.serverRecord ?? {}) as JsonObject;
    const serverRecord = (
      row.op === 'create'
        ? row.record
        : applyChanges(before, (row.changes ?? {}) as Record<string, Json>)
    ) as LocalRecord;
    const busy = rest.length > 0;
    const conflictPaths =
      result.outcome === 'conflict_queued' ? result.conflictPaths : rec.conflictPaths;
    const { rejection: _cleared, ...kept } = rec;
    recordOf.set(rec.id, {
      ...kept,
      serverVersion: Math.max(rec.serverVersion ?? 0, result.version),
      serverRecord,
      conflictPaths,
      ...(busy
        ? {}
        : {
            baseVersion: result.version,
            syncStatus: conflictPaths && conflictPaths.length > 0 ? 'conflict' : 'synced',
          }),
    });
    deletedRecords.delete(rec.id);
    changedRecords.add(rec.id);
  }

  return {
    tally,
    deleteRows: [...deletedRows],
    putRows: [...changedRows.values()],
    putRecords: [...changedRecords].flatMap((id) => recordOf.get(id) ?? []),
    deleteRecords: [...deletedRecords],
  };
}
