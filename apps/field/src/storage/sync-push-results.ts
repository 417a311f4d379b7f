import { applyChanges, type Json, type JsonObject, type MutationResult } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, syncRecords, type RecordRejection } from './sync-types';
import type { AnyRecord } from './types';

export interface PushTally {
  /** Results applied now (a result whose mutation already left the outbox — another tab — is not counted). */
  acknowledged: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejections: { recordId: string; code: string; message: string }[];
}

/**
 * Applies a push answer in one transaction (issue 5): every answered mutation leaves the outbox; its
 * record takes the server version; a rejected one is marked with its reason (DESIGN.md §3.3: the id is
 * consumed, the user corrects and finalises again, which sends a fresh change); `conflict_queued`
 * shows « en attente d'arbitrage ». The batch row goes when all of its mutations are answered.
 * Idempotent: applying the same answer twice changes nothing the second time.
 */
export function applyPushAnswer(input: { userId: string; batchId: string; results: readonly MutationResult[]; now: string }): Promise<StorageResult<PushTally>> {
  const d = db();
  const records = syncRecords(d);
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.records, batches], async () => {
      const tally: PushTally = { acknowledged: 0, accepted: 0, duplicates: 0, conflicts: 0, rejections: [] };
      const inFlight = await d.outbox.where('[userId+state]').equals([input.userId, 'in_flight']).toArray();
      const byId = new Map(inFlight.map((r) => [r.mutationId, r]));
      for (const result of input.results) {
        const row = byId.get(result.mutationId);
        if (row?.seq === undefined || row.recordId !== result.recordId) continue;
        await d.outbox.delete(row.seq);
        tally.acknowledged++;
        const rest = await d.outbox.where('recordId').equals(row.recordId).toArray();
        const rec = await records.get(row.recordId);
        if (result.outcome === 'rejected') {
          const rejection: RecordRejection = { code: result.error.code, message: result.error.message, issues: result.error.issues, mutationId: result.mutationId, at: input.now };
          tally.rejections.push({ recordId: row.recordId, code: result.error.code, message: result.error.message });
          // The record's content keeps every later local edit; re-finalising after the correction
          // diffs it from what the server last accepted, so the pending rows behind it would only
          // fail the same way.
          for (const r of rest) if (r.state === 'pending' && r.seq !== undefined) await d.outbox.delete(r.seq);
          if (rec) await records.update(rec.id, { syncStatus: 'rejected', rejection });
          continue;
        }
        tally.accepted++;
        if (result.outcome === 'duplicate') tally.duplicates++;
        if (result.outcome === 'conflict_queued') tally.conflicts++;
        // Changes written while the create was in flight were based on "version 0": now it has one.
        if (row.op === 'create') {
          for (const r of rest) if (r.state === 'pending' && r.baseVersion === 0 && r.seq !== undefined) await d.outbox.update(r.seq, { baseVersion: result.version });
        }
        if (!rec) continue;
        if (row.op === 'delete') {
          if (rest.length === 0) await records.delete(rec.id);
          continue;
        }
        const before = (rec.serverRecord ?? {}) as JsonObject;
        const serverRecord = (row.op === 'create' ? row.record : applyChanges(before, (row.changes ?? {}) as Record<string, Json>)) as AnyRecord;
        const busy = rest.length > 0;
        const conflictPaths = result.outcome === 'conflict_queued' ? result.conflictPaths : rec.conflictPaths;
        await records.update(rec.id, {
          serverVersion: Math.max(rec.serverVersion ?? 0, result.version),
          serverRecord,
          rejection: undefined,
          conflictPaths,
          ...(busy ? {} : { baseVersion: result.version, syncStatus: conflictPaths && conflictPaths.length > 0 ? 'conflict' : 'synced' }),
        });
      }
      const left = await d.outbox.where('batchId').equals(input.batchId).count();
      if (left === 0) await batches.delete(input.batchId);
      return tally;
    }),
  );
}
