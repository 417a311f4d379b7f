import type { PullChange } from '@jigi/sync';
import type { StorageResult } from './errors';
import { applyPullPage as applyPage } from './sync-pull-apply';

// The first simple sync's entry point, now the sync engine's pull application (sync-pull-apply.ts):
// a page and its cursor in one transaction, pending local edits rebased, never overwritten.

/** One pulled change, as `@jigi/sync`'s pullChangeSchema parses it. */
export type PulledChange =
  | { seq: number; entity: string; id: string; version?: number | undefined; deleted: false; data: Record<string, unknown>; meta?: { reviewState?: string | undefined; pendingConflictPaths?: string[] | undefined } | undefined }
  | { seq: number; entity: string; id: string; version?: number | undefined; deleted: true };

export interface PullApplied {
  applied: number;
  skipped: { id: string; entity: string; reason: string }[];
}

export async function applyPullPage(userId: string, changes: readonly PulledChange[], nextCursor: string, now: string): Promise<StorageResult<PullApplied>> {
  const res = await applyPage({ userId, changes: changes as readonly PullChange[], nextCursor, now });
  return res.ok ? { ok: true, value: { applied: res.value.applied, skipped: res.value.skipped } } : res;
}
