import type { ApiError } from './api';
import { SyncEngine } from './sync-engine';

// The app's first sync entry point (app/use-sync.ts), now the sync engine of issue 5: compaction,
// frozen gzip batches, retries, Web Locks, receipts. One engine per user per page, so the batch size
// it learnt carries over from one sync to the next.

export type SyncSummary =
  | { ok: true; sent: number; accepted: number; rejected: number; conflicts: number; pulled: number; batchNos: number[] }
  | { ok: false; error: ApiError | { kind: 'storage' | 'unregistered' | 'busy'; message: string } };

const engines = new Map<string, SyncEngine>();

/** The page's engine for a user (the UI's SyncProvider and this function share it). */
export function engineFor(userId: string): SyncEngine {
  let engine = engines.get(userId);
  if (!engine) {
    engine = new SyncEngine({ userId, transport: { baseUrl: '', fetch: (...args) => fetch(...args), now: () => Date.now() } });
    engines.set(userId, engine);
  }
  return engine;
}

/** One sync: push first (so the pull brings back the server's view of our own changes), then pull. */
export async function syncNow(userId: string): Promise<SyncSummary> {
  const outcome = await engineFor(userId).sync('manual');
  if (outcome.ok) {
    const r = outcome.receipt;
    return { ok: true, sent: r?.sent ?? 0, accepted: r?.accepted ?? 0, rejected: r?.rejected ?? 0, conflicts: r?.conflicts ?? 0, pulled: r?.pulled ?? 0, batchNos: r?.batchNos ?? [] };
  }
  if (outcome.busy) return { ok: false, error: { kind: 'busy', message: 'another tab is syncing' } };
  const e = outcome.error;
  switch (e.kind) {
    case 'http':
      return { ok: false, error: { kind: 'http', status: e.status, code: e.code, message: e.message } };
    case 'timeout':
    case 'network':
      return { ok: false, error: { kind: 'offline', message: e.message } };
    case 'invalid':
      return { ok: false, error: { kind: 'invalid', message: e.message } };
    case 'storage':
    case 'unregistered':
      return { ok: false, error: { kind: e.kind, message: e.message } };
  }
}
