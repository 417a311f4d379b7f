import { pullResponseSchema } from '@jigi/sync';
import { nowIso } from '../lib/clock';
import { applyPullPage } from '../storage/pull-apply';
import type { SyncStateRow } from '../storage/types';
import { requestJson, type ApiError } from './api';

export type PullOutcome = { ok: true; changes: number } | { ok: false; error: ApiError | { kind: 'storage'; message: string } };

/** Pulls every page since the cursor; each page is stored with its cursor in one transaction. */
export async function pullAll(state: SyncStateRow): Promise<PullOutcome> {
  let cursor = state.pullCursor;
  let total = 0;
  let resynced = false;
  for (let page = 0; page < 10_000; page++) {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const res = await requestJson(`/api/sync/pull${query}`, { token: state.deviceToken }, pullResponseSchema);
    if (!res.ok) {
      // The server was restored: its cursors changed. Pull everything again once (the outbox is kept).
      if (res.error.kind === 'http' && res.error.status === 410 && !resynced) {
        resynced = true;
        cursor = null;
        continue;
      }
      return { ok: false, error: res.error };
    }
    const applied = await applyPullPage(state.userId, res.value.changes, res.value.nextCursor, nowIso());
    if (!applied.ok) return { ok: false, error: { kind: 'storage', message: applied.error.kind } };
    total += applied.value.applied;
    cursor = res.value.nextCursor;
    if (!res.value.hasMore) break;
  }
  return { ok: true, changes: total };
}

