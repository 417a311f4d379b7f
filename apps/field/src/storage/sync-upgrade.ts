import type { Transaction } from 'dexie';
import { batchHead, pushBodyText, toWireMutation } from '../sync/wire';
import { utf8Length } from '../sync/gzip';
import type { SyncBatchRow } from './sync-types';
import type { OutboxRow, SyncStateRow } from './types';

/**
 * Schema v3 upgrade: mutations the first simple sync left in flight (numbered, sent, no answer yet)
 * get the frozen batch row the engine sends from, so they go again under the same ids instead of
 * waiting for ever. Their content per id is what was sent; the server answers ids it already has
 * from its stored results.
 */
export async function freezeLegacyInFlight(tx: Transaction): Promise<void> {
  const rows = (await tx.table('outbox').where('state').equals('in_flight').toArray()) as OutboxRow[];
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    if (row.mutationId === undefined || row.batchId === undefined) continue;
    const key = `${row.userId}\u0000${row.batchId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const sorted = group.sort((a, b) => (a.mutationId ?? 0) - (b.mutationId ?? 0));
    const first = sorted[0];
    if (!first?.batchId) continue;
    const state = (await tx.table('syncState').get(first.userId)) as SyncStateRow | undefined;
    if (!state) continue;
    const body = pushBodyText(
      batchHead({ deviceId: state.deviceId, batchId: first.batchId, clientTime: first.clientTime, clockOffsetMs: state.clockOffsetMs }),
      sorted.map((r) => toWireMutation(r, r.mutationId ?? 0)),
    );
    const batch: SyncBatchRow = {
      batchId: first.batchId,
      userId: first.userId,
      firstMutationId: first.mutationId ?? 0,
      lastMutationId: sorted.at(-1)?.mutationId ?? 0,
      body,
      jsonBytes: utf8Length(body),
      createdAt: first.clientTime,
      attempts: 1,
    };
    await tx.table('syncBatches').put(batch);
  }
}
