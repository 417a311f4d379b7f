import type { Mutation } from '../messages/mutation';
import { planCompaction, type Compaction } from './compaction';
import {
  batchHead,
  pushBodyText,
  renumberBodyText,
  splitBodyText,
  toWireMutation,
  utf8Length,
  wireProblem,
} from './push-body';
import type { ClientBatchRow, ClientOutboxRow, RecordRejection } from './rows';

// Freezing the next batch, decided here and stored by the client in one transaction (the tablet:
// apps/field/src/storage/sync-freeze.ts). Only one batch is normally unacknowledged, so the server
// sees ids in order; the pending rows behind it keep compacting while it is in flight.

/**
 * What the client read of its outbox: the head — the first `window` pending rows in outbox order —
 * and every other pending row of the records in it. `complete` says the head is the whole outbox.
 */
export interface OutboxHead {
  /** Ascending `seq`; each record's rows all there, including those behind the window. */
  rows: readonly ClientOutboxRow[];
  /** `seq` of the head's last row; rows after it only ride along with their record. */
  lastSeq: number;
  complete: boolean;
}

/**
 * The head compacted (`planCompaction`), and the rows it leaves in order: a compacted row keeps the
 * seq of the first row of its run, so the rows at or before `lastSeq` are exactly the head of the
 * whole outbox compacted — nothing behind the window moves ahead of it, and a record created before
 * another that refers to it still goes first. `null` when the head holds fewer than `maxMutations`
 * sendable rows and more of the outbox is unread: read a larger window (rows compacted beyond the
 * window are written back, not sent).
 */
export function planHead(
  head: OutboxHead,
  maxMutations: number,
): { compaction: Compaction; eligible: ClientOutboxRow[] } | null {
  const boundary = head.complete ? Number.POSITIVE_INFINITY : head.lastSeq;
  const compaction = planCompaction(head.rows);
  const removed = new Set(compaction.remove);
  const replaced = new Map(compaction.put.map((r) => [r.seq, r]));
  const eligible = head.rows
    .filter((r) => !removed.has(r.seq as number) && (r.seq ?? 0) <= boundary)
    .map((r) => replaced.get(r.seq) ?? r);
  if (eligible.length < maxMutations && !head.complete) return null;
  return { compaction, eligible };
}

export interface FreezeInput {
  userId: string;
  deviceId: string;
  /** The device's next mutation id. */
  nextMutationId: number;
  /** Called once, when there is a batch to make. */
  newBatchId: () => string;
  /** Device clock, ISO (audit only). */
  now: string;
  clockOffsetMs?: number | undefined;
  /** JSON bytes the batch may hold (the batch sizer's budget); one mutation always goes, whatever its size. */
  jsonBudget: number;
  maxMutations: number;
}

export interface FreezePlan {
  /** The new batch, `null` when nothing is left to send. */
  batch: ClientBatchRow | null;
  /** The rows it carries, now in flight with their ids. */
  inFlight: ClientOutboxRow[];
  /** The device counter after the batch. */
  nextMutationId: number;
  /**
   * Rows the protocol would refuse whole (a malformed path): taken out of the outbox, their record
   * marked rejected, so that one bad record never blocks the queue.
   */
  refused: { row: ClientOutboxRow; rejection: RecordRejection }[];
}

/**
 * Numbers the eligible rows from the device counter into one push, stopping at `maxMutations` or
 * when the next mutation would pass the JSON budget (the first always goes), and freezes its text.
 */
export function planFreeze(eligible: readonly ClientOutboxRow[], input: FreezeInput): FreezePlan {
  let next = input.nextMutationId;
  let bytes = 0;
  const chosen: { row: ClientOutboxRow; mutation: Mutation }[] = [];
  const refused: FreezePlan['refused'] = [];
  for (const row of eligible) {
    if (chosen.length >= input.maxMutations) break;
    const mutation = toWireMutation(row, next);
    const problem = wireProblem(mutation);
    if (problem !== undefined) {
      refused.push({ row, rejection: { code: 'invalid_change', message: problem, at: input.now } });
      continue;
    }
    // The comma between mutations.
    const size = utf8Length(JSON.stringify(mutation)) + 1;
    if (chosen.length > 0 && bytes + size > input.jsonBudget) break;
    bytes += size;
    chosen.push({ row, mutation });
    next++;
  }
  if (chosen.length === 0)
    return { batch: null, inFlight: [], nextMutationId: input.nextMutationId, refused };
  const batchId = input.newBatchId();
  const body = pushBodyText(
    batchHead({
      deviceId: input.deviceId,
      batchId,
      clientTime: input.now,
      clockOffsetMs: input.clockOffsetMs,
    }),
    chosen.map((c) => c.mutation),
  );
  return {
    batch: {
      batchId,
      userId: input.userId,
      firstMutationId: input.nextMutationId,
      lastMutationId: next - 1,
      body,
      jsonBytes: utf8Length(body),
      createdAt: input.now,
      attempts: 0,
    },
    inFlight: chosen.map((c) => ({
      ...c.row,
      state: 'in_flight' as const,
      batchId,
      mutationId: c.mutation.mutationId,
    })),
    nextMutationId: next,
    refused,
  };
}

/**
 * Mutations an early client left in flight — numbered and sent, no answer — without a frozen batch
 * row: one batch per batch id, so they go again under the same ids rather than wait for ever.
 */
export function planAdoptedBatches(input: {
  userId: string;
  deviceId: string;
  clockOffsetMs?: number | undefined;
  inFlight: readonly ClientOutboxRow[];
  knownBatchIds: ReadonlySet<string>;
}): ClientBatchRow[] {
  const groups = new Map<string, ClientOutboxRow[]>();
  for (const row of input.inFlight) {
    if (row.mutationId === undefined || row.batchId === undefined) continue;
    if (input.knownBatchIds.has(row.batchId)) continue;
    groups.set(row.batchId, [...(groups.get(row.batchId) ?? []), row]);
  }
  const out: ClientBatchRow[] = [];
  for (const [batchId, group] of groups) {
    const sorted = [...group].sort((a, b) => (a.mutationId ?? 0) - (b.mutationId ?? 0));
    const first = sorted[0];
    if (!first) continue;
    const body = pushBodyText(
      batchHead({
        deviceId: input.deviceId,
        batchId,
        clientTime: first.clientTime,
        clockOffsetMs: input.clockOffsetMs,
      }),
      sorted.map((r) => toWireMutation(r, r.mutationId ?? 0)),
    );
    out.push({
      batchId,
      userId: input.userId,
      firstMutationId: first.mutationId ?? 0,
      lastMutationId: sorted.at(-1)?.mutationId ?? 0,
      body,
      jsonBytes: utf8Length(body),
      createdAt: first.clientTime,
      attempts: 1,
    });
  }
  return out;
}

/**
 * A frozen batch cut after `count` mutations when the link cannot carry it whole: each mutation keeps
 * its id and its exact JSON, so whatever part the server already committed is answered from its stored
 * results. `null` when `count` leaves one side empty.
 */
export function planSplit(
  batch: ClientBatchRow,
  count: number,
  newIds: readonly [string, string],
): { parts: [ClientBatchRow, ClientBatchRow]; batchIdOf: (mutationId: number) => string } | null {
  if (count <= 0 || count >= batch.lastMutationId - batch.firstMutationId + 1) return null;
  const [a, b] = splitBodyText(batch.body, count, newIds);
  const cut = batch.firstMutationId + count;
  return {
    parts: [
      { ...batch, batchId: newIds[0], lastMutationId: cut - 1, body: a, jsonBytes: utf8Length(a) },
      { ...batch, batchId: newIds[1], firstMutationId: cut, body: b, jsonBytes: utf8Length(b) },
    ],
    batchIdOf: (mutationId) => (mutationId < cut ? newIds[0] : newIds[1]),
  };
}

/**
 * After a 409 `mutation_gap` (the server lost mutations this device thinks it sent: a restore from
 * backup), every open batch, in order, numbered again from the id the server expects. Safe because
 * the server has committed none of them: it would otherwise expect an id past them.
 */
export function planRenumber(
  open: readonly ClientBatchRow[],
  expectedMutationId: number,
): {
  batches: { batch: ClientBatchRow; idOf: Map<number, number> }[];
  nextMutationId: number;
} {
  let next = expectedMutationId;
  const batches = open.map((batch) => {
    const { body, first, last, idOf } = renumberBodyText(batch.body, next);
    next = last + 1;
    return {
      batch: {
        ...batch,
        firstMutationId: first,
        lastMutationId: last,
        body,
        jsonBytes: utf8Length(body),
      },
      idOf,
    };
  });
  return { batches, nextMutationId: next };
}
