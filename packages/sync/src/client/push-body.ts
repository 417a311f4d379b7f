import { parsedMutationSchema, type Mutation } from '../messages/mutation';
import { PROTOCOL_VERSION } from '../protocol-version';
import type { ClientOutboxRow } from './rows';

// The push body as it is frozen: built once when the batch is made, stored as text, and sent as those
// exact bytes on every retry, so a replay is byte-identical and the server's per-mutation idempotency
// sees the same mutation under the same id.

/** Everything of a push body but its mutations. */
export interface BatchHead {
  protocolVersion: number;
  deviceId: string;
  batchId: string;
  /** Device clock when the batch was frozen (audit). */
  clientTime: string;
  /** Last estimate of server − device clock (audit, docs/architecture.md §4). */
  clockOffsetMs?: number;
}

/** The head of a new push of this protocol version. */
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
 * create was unacknowledged has base 0; the client edited its own creation, which the server stores as
 * version 1 (a create always makes version 1), so 1 is the honest base.
 */
export function toWireMutation(row: ClientOutboxRow, mutationId: number): Mutation {
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
  // Typed as an object, but read back from a store: whatever a row holds.
  const stored: unknown = mutation.op === 'create' ? mutation.record : {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    return 'record: expected an object';
  const parsed = parsedMutationSchema.safeParse(mutation);
  return parsed.success
    ? undefined
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** The push body's exact text. */
export function pushBodyText(head: BatchHead, mutations: readonly Mutation[]): string {
  return JSON.stringify({ ...head, mutations });
}

function parseBody(text: string): { head: BatchHead; mutations: Mutation[] } {
  const { mutations, ...head } = JSON.parse(text) as BatchHead & { mutations: Mutation[] };
  return { head, mutations };
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
  const { head, mutations } = parseBody(text);
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

/**
 * A body with its mutations numbered again from `from`, in order (after a 409 `mutation_gap`), and
 * the new id of each old one.
 */
export function renumberBodyText(
  text: string,
  from: number,
): { body: string; first: number; last: number; idOf: Map<number, number> } {
  const { head, mutations } = parseBody(text);
  const renumbered = mutations.map((m, i) => ({ ...m, mutationId: from + i }));
  return {
    body: pushBodyText(head, renumbered),
    first: from,
    last: from + mutations.length - 1,
    idOf: new Map(mutations.map((m, i) => [m.mutationId, from + i])),
  };
}

/**
 * UTF-8 length of a string, the size that counts against the wire limits (what `TextEncoder` would
 * give, without a platform API: this package runs with none). A lone surrogate counts as the three
 * bytes of the U+FFFD that replaces it.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
