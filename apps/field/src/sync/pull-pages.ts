import {
  pullChangeSchema,
  pullResponseSchema,
  type JsonObject,
  type PullResponse,
} from '@jigi/sync';
import { z } from 'zod';
import { applyPullPage, requeueLost, resetPullCursor } from '../storage/sync-pull-apply';
import { readSyncState } from '../storage/sync-session';
import { afterPage, afterPullFailure } from './batch-sizer';
import type { RunContext } from './engine-context';
import type { PhaseResult } from './push-batches';
import { remedyOfNetError, request } from './transport';

// A page's records are JSON by construction (the body went through JSON.parse): checking every value
// of every record again with `jsonObjectSchema` cost more than storing them (~13 ms per page of 200
// households). The envelope and each change's fields are still checked; `data` must be an object.
// Reference data is validated by its domain schema when it is stored (storage/sync-pull-apply.ts).
const [liveChange, tombstone] = pullChangeSchema.options;
const parsedObject = z.custom<JsonObject>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { error: 'expected a JSON object' },
);
export const pulledPageSchema: z.ZodType<PullResponse> = pullResponseSchema.extend({
  changes: z.array(
    z.discriminatedUnion('deleted', [liveChange.extend({ data: parsedObject }), tombstone]),
  ),
});

export type PullResult =
  PhaseResult | { ok: false; error: { kind: 'epoch_changed'; message: string } };

/**
 * Pulls every page since the stored cursor; each page is stored with its cursor in one transaction, so
 * a drop re-pulls only the page that was lost. A 410 (the server was restored from a backup) forgets
 * the cursor and returns `epoch_changed`: the engine then pulls from scratch with `restore`, which
 * queues again whatever the restored server lost of this user's acknowledged changes, and pushes again;
 * the outbox is never cleared.
 */
export async function pullAll(
  ctx: RunContext,
  options: { restore?: boolean } = {},
): Promise<PullResult> {
  const seen = new Set<string>();
  ctx.progress.set({ phase: 'pulling' });
  const state = await readSyncState(ctx.userId);
  if (!state.ok) return { ok: false, error: { kind: 'storage', message: state.error.detail } };
  let cursor = state.value?.pullCursor ?? null;
  let failuresInRow = 0;
  for (;;) {
    const query = new URLSearchParams({
      limit: String(ctx.paging.limit),
      maxBytes: String(ctx.paging.maxBytes),
    });
    if (cursor) query.set('cursor', cursor);
    ctx.counters.requests++;
    const startedAt = ctx.transport.now();
    const res = await request(
      ctx.transport,
      {
        method: 'GET',
        path: `/api/sync/pull?${query.toString()}`,
        token: ctx.deviceToken,
        timeoutMs: ctx.limits.pullTimeoutMs,
      },
      pulledPageSchema,
    );
    if (!res.ok) {
      const error = res.error;
      // What to do comes from the error's kind (packages/sync errorKinds), never from a list here.
      const remedy = remedyOfNetError(error);
      if (error.kind === 'http' && (error.status === 410 || remedy === 'refetch')) {
        const reset = await resetPullCursor(ctx.userId);
        if (!reset.ok)
          return { ok: false, error: { kind: 'storage', message: reset.error.detail } };
        return { ok: false, error: { kind: 'epoch_changed', message: error.message } };
      }
      if (error.kind === 'timeout' || error.kind === 'network')
        ctx.paging = afterPullFailure(ctx.paging);
      const transient = remedy === 'resend';
      failuresInRow++;
      ctx.counters.failures++;
      if (!transient || failuresInRow >= ctx.limits.maxFailuresInRow) return { ok: false, error };
      await ctx.sleep(ctx.limits.retryPauseMs * failuresInRow);
      continue;
    }
    failuresInRow = 0;
    ctx.paging = afterPage(ctx.paging, {
      hasMore: res.value.hasMore,
      elapsedMs: ctx.transport.now() - startedAt,
      timeoutMs: ctx.limits.pullTimeoutMs,
    });
    ctx.counters.bytesDown += res.bytesDown;
    if (res.sample) ctx.samples.push(res.sample);
    const now = new Date(ctx.transport.now()).toISOString();
    const applied = await applyPullPage({
      userId: ctx.userId,
      changes: res.value.changes,
      nextCursor: res.value.nextCursor,
      now,
      ...(options.restore ? { restore: true } : {}),
    });
    if (!applied.ok)
      return { ok: false, error: { kind: 'storage', message: applied.error.detail } };
    for (const id of applied.value.seen) seen.add(id);
    ctx.counters.pulled += res.value.changes.length;
    ctx.progress.set({ pulled: ctx.counters.pulled, bytesDown: ctx.counters.bytesDown });
    cursor = res.value.nextCursor;
    if (!res.value.hasMore) {
      if (options.restore) {
        const requeued = await requeueLost({ userId: ctx.userId, seen, now });
        if (!requeued.ok)
          return { ok: false, error: { kind: 'storage', message: requeued.error.detail } };
      }
      return { ok: true };
    }
  }
}
