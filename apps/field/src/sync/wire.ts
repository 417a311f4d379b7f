import { parsedMutationSchema, PROTOCOL_VERSION, type Mutation } from '@jigi/sync';
import type { OutboxRow } from '../storage/types';

// The push body as it is frozen: built once when the batch is made, stored as text, and sent as those
// exact bytes on every retry (issue 5), so a replay is byte-identical and the server's per-mutation
// idempotency sees the same mutation under the same id.

export interface BatchHead {
  protocolVersion: number;
  deviceId: string;
  batchId: string;
  /** Device clock when the batch was frozen (audit). */
  clientTime: string;
  /** Last estimate of server − device clock (audit, DESIGN.md §3.4). */
  clockOffsetMs?: number;
}

export function batchHead(input: {
  deviceId: string;
  batchId: string;
  clientTime: string;
  clockOffsetMs?: number | undefined;
}): BatchHead {
  return {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: input.deviceId,
    batchId: input.batchId,
    clientTime: input.clientTime,
    ...(input.clockOffsetMs !== undefined
      ? { clockOffsetMs: Math.round(input.clockOffsetMs) }
      : {}),
  };
}

/**
 * The wire form of an outbox row given its mutation id. A patch or delete written while the record's
 * create was unacknowledged has base 0; the tablet edited its own creation, which the server stores as
 * version 1 (a create always makes version 1), so 1 is the honest base.
 */
export function toWireMutation(row: OutboxRow, mutationId: number): Mutation {
  const base = {
    mutationId,
    recordId: row.recordId,
    recordType: row.recordType,
    clientTime: row.clientTime,
  };
  switch (row.op) {
    case 'create':
      return {
        ...base,
        op: 'create',
        baseVersion: 0,
        record: (row.record ?? {}) as Extract<Mutation, { op: 'create' }>['record'],
      };
    case 'patch':
      return {
        ...base,
        op: 'patch',
        baseVersion: Math.max(1, row.baseVersion),
        changes: (row.changes ?? {}) as Extract<Mutation, { op: 'patch' }>['changes'],
      };
    case 'delete':
      return { ...base, op: 'delete', baseVersion: Math.max(1, row.baseVersion) };
  }
}

/**
 * Why a row cannot go on the wire at all (the server would refuse the whole push). A create's record
 * is checked as an object carrying its id and type, not value by value: it was built by the forms and
 * goes through JSON.stringify, and walking every value of every record with `z.json()` was the largest
 * client cost of freezing (~80 µs a household). Patches, small, are checked whole (their paths can be
 * malformed).
 */
export function wireProblem(mutation: Mutation): string | undefined {
  // Typed as an object, but read back from IndexedDB: whatever a row holds.
  const stored: unknown = mutation.op === 'create' ? mutation.record : {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    return 'record: expected an object';
  const parsed = parsedMutationSchema.safeParse(mutation);
  return parsed.success
    ? undefined
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

export function pushBodyText(head: BatchHead, mutations: readonly Mutation[]): string {
  return JSON.stringify({ ...head, mutations });
}

/**
 * Splits a frozen body after `count` mutations: each half is a valid push (ids still ascend by one)
 * and every mutation keeps its exact JSON, so the server's per-id replay answer is unchanged. Used
 * when the link cannot carry the frozen batch whole.
 */
export function splitBodyText(
  text: string,
  count: number,
  batchIds: readonly [string, string],
): [string, string] {
  const body = JSON.parse(text) as BatchHead & { mutations: Mutation[] };
  const { mutations, ...head } = body;
  return [
    pushBodyText({ ...head, batchId: batchIds[0] }, mutations.slice(0, count)),
    pushBodyText({ ...head, batchId: batchIds[1] }, mutations.slice(count)),
  ];
}

/** The mutation ids of a body, first and last. */
export function bodyMutationIds(text: string): { first: number; last: number; count: number } {
  const { mutations } = JSON.parse(text) as { mutations: { mutationId: number }[] };
  return {
    first: mutations[0]?.mutationId ?? 0,
    last: mutations.at(-1)?.mutationId ?? 0,
    count: mutations.length,
  };
}
