import { getSyncState } from '../storage/sync-state';
import type { ApiError } from './api';
import { pullAll } from './pull';
import { pushAll } from './push';

export type SyncSummary =
  | { ok: true; sent: number; accepted: number; rejected: number; conflicts: number; pulled: number; batchNos: number[] }
  | { ok: false; error: ApiError | { kind: 'storage' | 'unregistered'; message: string } };

/** One sync: push first (so the pull brings back the server's view of our own changes), then pull. */
export async function syncNow(userId: string): Promise<SyncSummary> {
  const state = await getSyncState(userId);
  if (!state.ok) return { ok: false, error: { kind: 'storage', message: state.error.kind } };
  if (!state.value) return { ok: false, error: { kind: 'unregistered', message: 'device not registered' } };
  const pushed = await pushAll(state.value);
  if (!pushed.ok) return pushed;
  const fresh = await getSyncState(userId);
  const pulled = await pullAll(fresh.ok && fresh.value ? fresh.value : state.value);
  if (!pulled.ok) return pulled;
  const sum = (k: 'sent' | 'accepted' | 'rejected' | 'conflicts') => pushed.receipts.reduce((n, r) => n + r[k], 0);
  return {
    ok: true,
    sent: sum('sent'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    conflicts: sum('conflicts'),
    pulled: pulled.changes,
    batchNos: pushed.receipts.flatMap((r) => (r.batchNo !== undefined ? [r.batchNo] : [])),
  };
}
