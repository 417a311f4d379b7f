import { pushResponseSchema, UNSYNCED_HEADER, wireLimits } from '@jigi/sync';
import { freezeNextBatch } from '../storage/sync-freeze';
import { recordAttempt, renumberOpenBatches, splitBatch } from '../storage/sync-batches';
import { applyPushAnswer } from '../storage/sync-push-results';
import { countUnacknowledged } from '../storage/sync-session';
import { afterFailure, afterSuccess, jsonBudget, pushTimeoutMs } from './batch-sizer';
import type { RunContext } from './engine-context';
import { gzipText } from './gzip';
import { remedyOfNetError, request, type NetError } from './transport';

export type PhaseResult =
  { ok: true } | { ok: false; error: NetError | { kind: 'storage'; message: string } };

const storageError = (e: { kind: string; detail: string }): PhaseResult => ({
  ok: false,
  error: { kind: 'storage', message: `${e.kind}: ${e.detail}` },
});

/**
 * Sends every unacknowledged mutation, batch after batch. A batch is frozen once and its
 * bytes re-sent until answered; a timeout or a dropped connection halves the size cap, and a frozen
 * batch now over the cap is split (same mutations, same bytes). A 409 gap renumbers from the id the
 * server expects. After `maxFailuresInRow` failures the sync stops and the scheduler backs off.
 */
export async function pushAll(ctx: RunContext): Promise<PhaseResult> {
  let failuresInRow = 0;
  let gapsInRow = 0;
  const total = await countUnacknowledged(ctx.userId);
  if (!total.ok) return storageError(total.error);
  ctx.progress.set({ phase: 'pushing', toSend: total.value });
  for (;;) {
    const frozen = await freezeNextBatch({
      userId: ctx.userId,
      newBatchId: ctx.newId,
      now: new Date(ctx.transport.now()).toISOString(),
      clockOffsetMs: ctx.clockOffsetMs,
      jsonBudget: jsonBudget(ctx.sizing),
      maxMutations: wireLimits.maxMutationsPerPush,
    });
    if (!frozen.ok) return storageError(frozen.error);
    const batch = frozen.value;
    if (!batch) return { ok: true };
    const count = batch.lastMutationId - batch.firstMutationId + 1;
    const body = await gzipText(batch.body);
    // The link shrank since this batch was frozen: send a part that fits (each mutation unchanged).
    if (count > 1 && body.length > ctx.sizing.capBytes * 1.25) {
      const keep = Math.max(
        1,
        Math.min(count - 1, Math.floor((count * ctx.sizing.capBytes) / body.length)),
      );
      const split = await splitBatch(batch.batchId, keep, [ctx.newId(), ctx.newId()]);
      if (!split.ok) return storageError(split.error);
      continue;
    }
    await recordAttempt(batch.batchId);
    // What the tablet will still hold once this batch is in: the back office shows it per tablet.
    const held = await countUnacknowledged(ctx.userId);
    const unsyncedAfter = held.ok ? Math.max(0, held.value - count) : undefined;
    ctx.counters.requests++;
    const res = await request(
      ctx.transport,
      {
        method: 'POST',
        path: '/api/sync/push',
        token: ctx.deviceToken,
        body,
        gzip: true,
        ...(unsyncedAfter === undefined
          ? {}
          : { headers: { [UNSYNCED_HEADER]: String(unsyncedAfter) } }),
        timeoutMs: pushTimeoutMs(body.length, {
          baseMs: ctx.limits.pushBaseTimeoutMs,
          floorBytesPerSec: ctx.limits.floorBytesPerSec,
        }),
      },
      pushResponseSchema,
    );
    ctx.counters.bytesUp += res.bytesUp;
    if (res.ok) {
      failuresInRow = 0;
      gapsInRow = 0;
      ctx.counters.bytesDown += res.bytesDown;
      if (res.sample) ctx.samples.push(res.sample);
      ctx.sizing = afterSuccess(ctx.sizing, { gzipBytes: body.length, jsonBytes: batch.jsonBytes });
      const tally = await applyPushAnswer({
        userId: ctx.userId,
        batchId: batch.batchId,
        results: res.value.results,
        now: new Date(ctx.transport.now()).toISOString(),
      });
      if (!tally.ok) return storageError(tally.error);
      const c = ctx.counters;
      c.sent += tally.value.acknowledged;
      c.accepted += tally.value.accepted;
      c.duplicates += tally.value.duplicates;
      c.conflicts += tally.value.conflicts;
      c.rejections.push(...tally.value.rejections);
      c.batchIds.push(batch.batchId);
      if (res.value.batchNumber !== null && !c.batchNos.includes(res.value.batchNumber))
        c.batchNos.push(res.value.batchNumber);
      else if (res.value.batchNumber === null && tally.value.acknowledged > 0) c.replayedBatches++;
      // Edits made during the sync join it: the total grows with them.
      const left = await countUnacknowledged(ctx.userId);
      ctx.progress.set({
        sent: c.sent,
        toSend: c.sent + (left.ok ? left.value : 0),
        bytesUp: c.bytesUp,
        bytesDown: c.bytesDown,
      });
      // An answer that leaves part of the batch unanswered (a server bug) must not spin: stop here.
      if (tally.value.acknowledged === 0 && res.value.results.length < count)
        return { ok: false, error: { kind: 'invalid', message: 'push answer without results' } };
      continue;
    }
    const error = res.error;
    ctx.progress.set({ bytesUp: ctx.counters.bytesUp });
    // What to do comes from the error's kind (packages/sync errorKinds), never from a list here.
    const remedy = remedyOfNetError(error);
    if (
      remedy === 'renumber' &&
      error.kind === 'http' &&
      typeof error.details?.['expectedMutationId'] === 'number' &&
      gapsInRow < 2
    ) {
      gapsInRow++;
      const renumbered = await renumberOpenBatches(ctx.userId, error.details['expectedMutationId']);
      if (!renumbered.ok) return storageError(renumbered.error);
      continue;
    }
    if (remedy === 'split' && count > 1) {
      ctx.sizing = afterFailure(ctx.sizing);
      const split = await splitBatch(batch.batchId, Math.ceil(count / 2), [
        ctx.newId(),
        ctx.newId(),
      ]);
      if (!split.ok) return storageError(split.error);
      continue;
    }
    const transient = remedy === 'resend';
    if (!transient) return { ok: false, error };
    if (error.kind === 'timeout' || error.kind === 'network') ctx.sizing = afterFailure(ctx.sizing);
    failuresInRow++;
    ctx.counters.failures++;
    if (failuresInRow >= ctx.limits.maxFailuresInRow) return { ok: false, error };
    await ctx.sleep(ctx.limits.retryPauseMs * failuresInRow);
  }
}
