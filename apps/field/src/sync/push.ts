import { PROTOCOL_VERSION, pushResponseSchema, type Mutation, type PushResponse } from '@jigi/sync';
import { newId, nowIso } from '../lib/clock';
import { freezeBatch } from '../storage/outbox';
import { applyPushResults, renumberInFlight } from '../storage/push-apply';
import type { OutboxRow, ReceiptRow, SyncStateRow } from '../storage/types';
import { requestJson, type ApiError } from './api';

// First, simple push (one batch at a time, no compression): the sync engine of issue 5 replaces it
// with compaction, byte-capped gzip batches, backoff and Web Locks.

const BATCH_LIMIT = 200;

function toWire(row: OutboxRow): Mutation {
  const base = { mutationId: row.mutationId ?? 0, recordId: row.recordId, recordType: row.recordType, clientTime: row.clientTime };
  switch (row.op) {
    case 'create':
      return { ...base, op: 'create', baseVersion: 0, record: (row.record ?? {}) as Extract<Mutation, { op: 'create' }>['record'] };
    case 'patch':
      return { ...base, op: 'patch', baseVersion: row.baseVersion, changes: (row.changes ?? {}) as Extract<Mutation, { op: 'patch' }>['changes'] };
    case 'delete':
      return { ...base, op: 'delete', baseVersion: row.baseVersion };
  }
}

export type PushOutcome = { ok: true; receipts: ReceiptRow[] } | { ok: false; error: ApiError | { kind: 'storage'; message: string } };

/** Sends every pending mutation of the user, batch after batch. */
export async function pushAll(state: SyncStateRow): Promise<PushOutcome> {
  const receipts: ReceiptRow[] = [];
  for (let round = 0; round < 1000; round++) {
    const frozen = await freezeBatch(state.userId, newId(), BATCH_LIMIT);
    if (!frozen.ok) return { ok: false, error: { kind: 'storage', message: frozen.error.kind } };
    let batch = frozen.value;
    if (batch.length === 0) return { ok: true, receipts };
    let response: Awaited<ReturnType<typeof send>> = await send(state, batch);
    if (!response.ok && response.error.kind === 'http' && response.error.code === 'mutation_gap' && response.expected !== undefined) {
      const renumbered = await renumberInFlight(state.userId, response.expected);
      if (!renumbered.ok) return { ok: false, error: { kind: 'storage', message: renumbered.error.kind } };
      batch = renumbered.value;
      response = await send(state, batch);
    }
    if (!response.ok) return { ok: false, error: response.error };
    const applied = await applyPushResults(state.userId, batch, response.value.results, {
      at: nowIso(),
      batchId: batch[0]?.batchId ?? '',
      ...(response.value.batchNumber !== null ? { batchNo: response.value.batchNumber } : {}),
    });
    if (!applied.ok) return { ok: false, error: { kind: 'storage', message: applied.error.kind } };
    receipts.push(applied.value);
  }
  return { ok: true, receipts };
}

async function send(state: SyncStateRow, batch: readonly OutboxRow[]): Promise<{ ok: true; value: PushResponse } | { ok: false; error: ApiError; expected?: number }> {
  const body = {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: state.deviceId,
    batchId: batch[0]?.batchId ?? newId(),
    clientTime: nowIso(),
    mutations: batch.map(toWire),
  };
  const res = await requestJson('/api/sync/push', { method: 'POST', body, token: state.deviceToken }, pushResponseSchema);
  if (res.ok) return res;
  return { ok: false, error: res.error, ...(res.error.kind === 'http' && res.error.expectedMutationId !== undefined ? { expected: res.error.expectedMutationId } : {}) };
}
