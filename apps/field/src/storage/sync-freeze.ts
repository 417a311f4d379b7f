import { planCompaction } from '../sync/compaction';
import { batchHead, pushBodyText, toWireMutation, wireProblem } from '../sync/wire';
import { utf8Length } from '../sync/gzip';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, syncRecords, type SyncBatchRow } from './sync-types';
import type { OutboxRow } from './types';
import type { Mutation } from '@jigi/sync';

export interface FreezeInput {
  userId: string;
  newBatchId: () => string;
  /** Device clock, ISO (audit only). */
  now: string;
  clockOffsetMs?: number | undefined;
  /** JSON bytes the batch may hold (the batch sizer's budget); one mutation always goes, whatever its size. */
  jsonBudget: number;
  maxMutations: number;
  /** Export: freeze a new batch even when unacknowledged ones exist. */
  alwaysNew?: boolean;
}

/**
 * The next batch to send, in one transaction with the mutation counter and the outbox: the oldest
 * unacknowledged batch as it was frozen, else a new one made of compacted pending mutations in outbox
 * order, numbered from the device's next mutation id. `null` when there is nothing to send.
 *
 * Only one batch is normally unacknowledged, so the server sees ids in order; the pending rows behind
 * it keep compacting while it is in flight. A change the protocol would refuse whole (a malformed path)
 * is taken out and its record marked rejected here, so that one bad record never blocks the queue.
 */
export function freezeNextBatch(input: FreezeInput): Promise<StorageResult<SyncBatchRow | null>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.syncState, batches, d.records], async () => {
      let open = await batches.where('userId').equals(input.userId).sortBy('firstMutationId');
      if (await adoptLegacyInFlight(input.userId, open))
        open = await batches.where('userId').equals(input.userId).sortBy('firstMutationId');
      if (!input.alwaysNew && open[0]) return open[0];
      const state = await d.syncState.get(input.userId);
      if (!state) return null;
      const rows = await nextPendingCompacted(input.userId, input.maxMutations);
      let next = state.nextMutationId;
      let bytes = 0;
      const chosen: { row: OutboxRow; mutation: Mutation }[] = [];
      for (const row of rows) {
        if (chosen.length >= input.maxMutations) break;
        const mutation = toWireMutation(row, next);
        const problem = wireProblem(mutation);
        if (problem !== undefined) {
          await d.outbox.delete(row.seq);
          await syncRecords(d).update(row.recordId, {
            syncStatus: 'rejected',
            rejection: { code: 'invalid_change', message: problem, at: input.now },
          });
          continue;
        }
        const size = utf8Length(JSON.stringify(mutation)) + 1;
        if (chosen.length > 0 && bytes + size > input.jsonBudget) break;
        bytes += size;
        chosen.push({ row, mutation });
        next++;
      }
      if (chosen.length === 0) return null;
      const batchId = input.newBatchId();
      const body = pushBodyText(
        batchHead({
          deviceId: state.deviceId,
          batchId,
          clientTime: input.now,
          clockOffsetMs: input.clockOffsetMs,
        }),
        chosen.map((c) => c.mutation),
      );
      const batch: SyncBatchRow = {
        batchId,
        userId: input.userId,
        firstMutationId: state.nextMutationId,
        lastMutationId: next - 1,
        body,
        jsonBytes: utf8Length(body),
        createdAt: input.now,
        attempts: 0,
      };
      await batches.add(batch);
      await d.outbox.bulkPut(
        chosen.map((c) => ({
          ...c.row,
          state: 'in_flight' as const,
          batchId,
          mutationId: c.mutation.mutationId,
        })),
      );
      await d.syncState.update(input.userId, { nextMutationId: next });
      return batch;
    }),
  );
}

/**
 * The oldest pending mutations in outbox order, compacted (`planCompaction`), reading only what the
 * next batch can hold: the first `maxMutations` pending rows by the `[userId+state]` index (equal keys
 * come in `seq` order; a larger head when compaction leaves too few), plus the other pending rows of the records in them, so freezing costs the
 * batch, not the outbox (a tablet back after days offline has thousands of rows pending).
 *
 * A compacted row keeps the seq of the first row of its run, so the rows at or before the last seq
 * read are exactly the head of the whole outbox compacted: nothing behind the window can move ahead
 * of it, and a record created before another that refers to it still goes first. Rows compacted
 * beyond that point (a record's later run, after a delete) are written back, not sent. Must run
 * inside the freeze transaction.
 */
async function nextPendingCompacted(userId: string, maxMutations: number): Promise<OutboxRow[]> {
  const d = db();
  const bySeq = new Map<number, OutboxRow>();
  const recordsRead = new Set<string>();
  // getAll with a count, never a cursor (offset, anyOf): cursors step one row per request.
  for (let window = Math.max(1, maxMutations); ; window *= 2) {
    const head = await d.outbox
      .where('[userId+state]')
      .equals([userId, 'pending'])
      .limit(window)
      .toArray();
    for (const row of head) if (row.seq !== undefined) bySeq.set(row.seq, row);
    const fresh = [...new Set(head.map((r) => r.recordId))].filter((id) => !recordsRead.has(id));
    for (const id of fresh) recordsRead.add(id);
    // Keys first: the window's own rows are not read twice.
    const keys = (
      await Promise.all(fresh.map((id) => d.outbox.where('recordId').equals(id).primaryKeys()))
    ).flat();
    const others = await d.outbox.bulkGet(
      keys.filter((seq): seq is number => seq !== undefined && !bySeq.has(seq)),
    );
    for (const row of others)
      if (row?.userId === userId && row.state === 'pending' && row.seq !== undefined)
        bySeq.set(row.seq, row);
    const boundary = head.length < window ? Number.POSITIVE_INFINITY : (head.at(-1)?.seq ?? 0);
    const rows = [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const plan = planCompaction(rows);
    const removed = new Set(plan.remove);
    const replaced = new Map(plan.put.map((r) => [r.seq, r]));
    const eligible = rows
      .filter((r) => !removed.has(r.seq as number) && (r.seq ?? 0) <= boundary)
      .map((r) => replaced.get(r.seq) ?? r);
    if (eligible.length >= maxMutations || boundary === Number.POSITIVE_INFINITY) {
      if (plan.remove.length > 0) await d.outbox.bulkDelete(plan.remove);
      if (plan.put.length > 0) await d.outbox.bulkPut(plan.put);
      return eligible;
    }
  }
}

/**
 * Mutations the first simple sync (before schema v3) left in flight — numbered and sent, no answer —
 * have no frozen batch row: give them one, so they go again under the same ids rather than wait for
 * ever. Done here, in the sync chunk, rather than in the Dexie upgrade, which runs in the app shell.
 * Must run inside the freeze transaction; true when it gave any. Counted first: the in-flight rows are
 * read only when there are more of them than the open batches carry.
 */
async function adoptLegacyInFlight(
  userId: string,
  open: readonly SyncBatchRow[],
): Promise<boolean> {
  const d = db();
  const batches = syncBatches(d);
  const inFlight = d.outbox.where('[userId+state]').equals([userId, 'in_flight']);
  const carried = open.reduce((sum, b) => sum + b.lastMutationId - b.firstMutationId + 1, 0);
  if ((await inFlight.count()) <= carried) return false;
  const rows = await inFlight.toArray();
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    if (row.mutationId === undefined || row.batchId === undefined) continue;
    groups.set(row.batchId, [...(groups.get(row.batchId) ?? []), row]);
  }
  const state = await d.syncState.get(userId);
  if (!state) return false;
  let adopted = false;
  for (const [batchId, group] of groups) {
    if ((await batches.get(batchId)) !== undefined) continue;
    const sorted = group.sort((a, b) => (a.mutationId ?? 0) - (b.mutationId ?? 0));
    const first = sorted[0];
    if (!first) continue;
    const body = pushBodyText(
      batchHead({
        deviceId: state.deviceId,
        batchId,
        clientTime: first.clientTime,
        clockOffsetMs: state.clockOffsetMs,
      }),
      sorted.map((r) => toWireMutation(r, r.mutationId ?? 0)),
    );
    await batches.put({
      batchId,
      userId,
      firstMutationId: first.mutationId ?? 0,
      lastMutationId: sorted.at(-1)?.mutationId ?? 0,
      body,
      jsonBytes: utf8Length(body),
      createdAt: first.clientTime,
      attempts: 1,
    });
    adopted = true;
  }
  return adopted;
}

/** Unacknowledged batches of a user, in mutation id order. */
export function openBatches(userId: string): Promise<StorageResult<SyncBatchRow[]>> {
  return attempt(() => syncBatches(db()).where('userId').equals(userId).sortBy('firstMutationId'));
}
