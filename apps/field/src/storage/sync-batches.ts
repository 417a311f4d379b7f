import type { Mutation } from '@jigi/sync';
import { pushBodyText, splitBodyText, type BatchHead } from '../sync/wire';
import { utf8Length } from '../sync/gzip';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, type SyncBatchRow } from './sync-types';

/** Counts an attempt (for the receipt and the support screen). */
export function recordAttempt(batchId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await syncBatches(db())
      .where('batchId')
      .equals(batchId)
      .modify((b) => {
        b.attempts += 1;
      });
  });
}

/**
 * Splits a frozen batch after `count` mutations when the link cannot carry it whole (issue 5: batches
 * shrink after timeouts). Each mutation keeps its id and its exact JSON, so whatever part of it the
 * server already committed is answered from its stored results.
 */
export function splitBatch(
  batchId: string,
  count: number,
  newIds: readonly [string, string],
): Promise<StorageResult<[SyncBatchRow, SyncBatchRow] | null>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [batches, d.outbox], async () => {
      const batch = await batches.get(batchId);
      if (!batch || count <= 0 || count >= batch.lastMutationId - batch.firstMutationId + 1)
        return null;
      const [a, b] = splitBodyText(batch.body, count, newIds);
      const cut = batch.firstMutationId + count;
      const first: SyncBatchRow = {
        ...batch,
        batchId: newIds[0],
        lastMutationId: cut - 1,
        body: a,
        jsonBytes: utf8Length(a),
      };
      const second: SyncBatchRow = {
        ...batch,
        batchId: newIds[1],
        firstMutationId: cut,
        body: b,
        jsonBytes: utf8Length(b),
      };
      await batches.delete(batchId);
      await batches.bulkAdd([first, second]);
      await d.outbox
        .where('batchId')
        .equals(batchId)
        .modify((row) => {
          row.batchId = (row.mutationId ?? 0) < cut ? newIds[0] : newIds[1];
        });
      return [first, second];
    }),
  );
}

/**
 * After a 409 `mutation_gap` (the server lost mutations this device thinks it sent: a restore from
 * backup), every unacknowledged mutation is renumbered from the id the server expects, in order, and
 * the bodies are rebuilt. Safe because the server has committed none of them: it would otherwise
 * expect an id past them.
 */
export function renumberOpenBatches(
  userId: string,
  expectedMutationId: number,
): Promise<StorageResult<SyncBatchRow[]>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [batches, d.outbox, d.syncState], async () => {
      const open = await batches.where('userId').equals(userId).sortBy('firstMutationId');
      let next = expectedMutationId;
      const out: SyncBatchRow[] = [];
      for (const batch of open) {
        const { mutations, ...head } = JSON.parse(batch.body) as BatchHead & {
          mutations: Mutation[];
        };
        const renumbered = mutations.map((m) => ({ ...m, mutationId: next++ }));
        const body = pushBodyText(head, renumbered);
        const first = renumbered[0]?.mutationId ?? next;
        const row: SyncBatchRow = {
          ...batch,
          firstMutationId: first,
          lastMutationId: next - 1,
          body,
          jsonBytes: utf8Length(body),
        };
        await batches.put(row);
        const rows = await d.outbox.where('batchId').equals(batch.batchId).toArray();
        const byOld = new Map(mutations.map((m, i) => [m.mutationId, renumbered[i]?.mutationId]));
        await d.outbox.bulkPut(
          rows.map((r) => {
            const id = byOld.get(r.mutationId ?? -1);
            return id === undefined ? r : { ...r, mutationId: id };
          }),
        );
        out.push(row);
      }
      await d.syncState.update(userId, { nextMutationId: next });
      return out;
    }),
  );
}

/** Marks batches as written to an export file. */
export function markExported(
  batchIds: readonly string[],
  at: string,
): Promise<StorageResult<void>> {
  return attempt(async () => {
    await syncBatches(db())
      .where('batchId')
      .anyOf([...batchIds])
      .modify({ exportedAt: at });
  });
}
