import { wireLimits } from '@jigi/sync';
import { freezeNextBatch, openBatches } from '../storage/sync-freeze';
import { markExported } from '../storage/sync-batches';
import { readSyncState } from '../storage/sync-session';
import { exportFileName, exportFileText } from './export-file';
import { gzipText } from './gzip';

export type ExportResult =
  | { ok: true; fileName: string; bytes: Uint8Array; mutations: number; batches: number }
  | { ok: false; error: { kind: 'nothing' | 'unregistered' | 'storage'; message: string } };

/**
 * Writes every unacknowledged change of a user to a gzip export file. Pending changes are frozen into
 * batches first (mutation ids given, as a sync would), so the file holds the exact pushes the tablet
 * will send later: whichever reaches the server first, the other is answered from stored results.
 */
export async function exportUnsynced(input: {
  userId: string;
  now: string;
  newId: () => string;
  clockOffsetMs?: number | undefined;
}): Promise<ExportResult> {
  const state = await readSyncState(input.userId);
  if (!state.ok) return { ok: false, error: { kind: 'storage', message: state.error.detail } };
  if (!state.value)
    return { ok: false, error: { kind: 'unregistered', message: 'device not registered' } };
  for (;;) {
    const frozen = await freezeNextBatch({
      userId: input.userId,
      newBatchId: input.newId,
      now: input.now,
      clockOffsetMs: input.clockOffsetMs ?? state.value.clockOffsetMs,
      jsonBudget: wireLimits.maxPushBodyBytes / 2,
      maxMutations: wireLimits.maxMutationsPerPush,
      alwaysNew: true,
    });
    if (!frozen.ok) return { ok: false, error: { kind: 'storage', message: frozen.error.detail } };
    if (!frozen.value) break;
  }
  const open = await openBatches(input.userId);
  if (!open.ok) return { ok: false, error: { kind: 'storage', message: open.error.detail } };
  if (open.value.length === 0)
    return { ok: false, error: { kind: 'nothing', message: 'nothing to export' } };
  const text = exportFileText(
    { deviceId: state.value.deviceId, userId: input.userId, exportedAt: input.now },
    open.value.map((b) => b.body),
  );
  const bytes = await gzipText(text);
  const marked = await markExported(
    open.value.map((b) => b.batchId),
    input.now,
  );
  if (!marked.ok) return { ok: false, error: { kind: 'storage', message: marked.error.detail } };
  const mutations = open.value.reduce((n, b) => n + b.lastMutationId - b.firstMutationId + 1, 0);
  return {
    ok: true,
    fileName: exportFileName(state.value.deviceId, input.now),
    bytes,
    mutations,
    batches: open.value.length,
  };
}
