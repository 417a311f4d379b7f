import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { OutboxRow, ReceiptRow } from './types';

/** One server answer for one mutation, as `@jigi/sync`'s mutationResultSchema parses it. */
export type PushedResult =
  | { mutationId: number; recordId: string; outcome: 'applied' | 'merged' | 'duplicate'; version: number }
  | { mutationId: number; recordId: string; outcome: 'conflict_queued'; version: number; conflictPaths: string[] }
  | { mutationId: number; recordId: string; outcome: 'rejected'; error: { code: string; message: string } };

/**
 * Applies a push answer in one transaction: acknowledged mutations leave the outbox, records take
 * their new server version and status, the receipt is kept. A record with other pending mutations
 * stays « finalised » (its next change is still to send).
 */
export function applyPushResults(
  userId: string,
  batch: readonly OutboxRow[],
  results: readonly PushedResult[],
  receipt: Omit<ReceiptRow, 'id' | 'userId' | 'sent' | 'accepted' | 'rejected' | 'conflicts'>,
): Promise<StorageResult<ReceiptRow>> {
  const d = db();
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.records, d.receipts], async () => {
      const byMutation = new Map(batch.map((m) => [m.mutationId, m]));
      let accepted = 0;
      let rejected = 0;
      let conflicts = 0;
      for (const result of results) {
        const mutation = byMutation.get(result.mutationId);
        if (mutation?.seq === undefined) continue;
        await d.outbox.delete(mutation.seq);
        const remaining = await d.outbox.where('recordId').equals(result.recordId).toArray();
        const row = await d.records.get(result.recordId);
        if (result.outcome === 'rejected') {
          rejected++;
          if (row) await d.records.update(row.id, { syncStatus: 'rejected', rejection: { code: result.error.code, message: result.error.message } });
          continue;
        }
        accepted++;
        // Later patches written while this create was in flight are now based on its version.
        for (const m of remaining) if (m.op === 'patch' && m.baseVersion === 0 && m.state === 'pending' && m.seq !== undefined) await d.outbox.update(m.seq, { baseVersion: result.version });
        if (!row) continue;
        if (result.outcome === 'conflict_queued') {
          conflicts++;
          await d.records.update(row.id, { syncStatus: 'conflict', serverVersion: result.version });
          continue;
        }
        const done = remaining.length === 0;
        await d.records.update(row.id, {
          serverVersion: result.version,
          ...(done ? { syncStatus: 'synced' as const, serverRecord: row.record, baseVersion: result.version } : {}),
          rejection: undefined,
        });
      }
      const full: ReceiptRow = { ...receipt, userId, sent: batch.length, accepted, rejected, conflicts };
      full.id = await d.receipts.add(full);
      return full;
    }),
  );
}

/** After a `mutation_gap`: renumbers the frozen batch from the id the server expects. */
export function renumberInFlight(userId: string, expectedMutationId: number): Promise<StorageResult<OutboxRow[]>> {
  const d = db();
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.syncState], async () => {
      const rows = await d.outbox.where('[userId+state]').equals([userId, 'in_flight']).sortBy('seq');
      let next = expectedMutationId;
      const renumbered = rows.map((r) => ({ ...r, mutationId: next++ }));
      await d.outbox.bulkPut(renumbered);
      await d.syncState.update(userId, { nextMutationId: next });
      return renumbered;
    }),
  );
}
