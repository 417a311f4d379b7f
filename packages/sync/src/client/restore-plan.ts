import type { JsonObject } from '../json';
import { diffRecords } from '../paths/diff';
import type { ClientOutboxRow, ClientRecordRow, LocalRecord } from './rows';

// After a 410 (the server was restored from a backup): the client pulls everything again in
// restore mode and queues again whatever the restored server lost of its user's acknowledged work.
// Local content is the truth the server must end up with; nothing typed is lost.

/** Rejections that a restored server causes (it never issued the base version, or lost the record). */
const restoreRejections: ReadonlySet<string> = new Set(['invalid_base_version', 'unknown_record']);

/** Whether the restored server is behind what it once acknowledged of this record. */
export function lostOnServer(local: ClientRecordRow, version: number | null): boolean {
  if (local.syncStatus === 'rejected') return restoreRejections.has(local.rejection?.code ?? '');
  return (local.serverVersion ?? 0) > (version ?? 0);
}

/**
 * The patch that brings the restored server's copy (`data` at `version`) back to the local content,
 * or `undefined` when they are equal.
 */
export function restorePatch(input: {
  userId: string;
  local: ClientRecordRow;
  data: LocalRecord;
  version: number | null;
  now: string;
}): ClientOutboxRow | undefined {
  const changes = diffRecords(input.data as JsonObject, input.local.record as JsonObject);
  if (Object.keys(changes).length === 0) return undefined;
  return {
    userId: input.userId,
    recordId: input.local.id,
    recordType: input.data.type,
    op: 'patch',
    baseVersion: input.version ?? 0,
    changes,
    clientTime: input.now,
    state: 'pending',
  };
}

/**
 * The user's records a restore refetch did not carry (`seen`) that the server once acknowledged, or
 * refused for a restore's reasons: created again, unless the outbox already holds a change of them.
 * `candidates` first (what to look up in the outbox), then `planRequeueLost` with the answer.
 */
export function requeueCandidates(
  own: readonly ClientRecordRow[],
  seen: ReadonlySet<string>,
): ClientRecordRow[] {
  return own.filter((row) => {
    if (seen.has(row.id)) return false;
    const acknowledged =
      row.serverVersion !== null &&
      (row.syncStatus === 'synced' ||
        row.syncStatus === 'conflict' ||
        row.syncStatus === 'returned');
    const refused =
      row.syncStatus === 'rejected' && restoreRejections.has(row.rejection?.code ?? '');
    return acknowledged || refused;
  });
}

export function planRequeueLost(input: {
  userId: string;
  candidates: readonly ClientRecordRow[];
  /** Records that have any row in the outbox. */
  inOutbox: ReadonlySet<string>;
  now: string;
}): { add: ClientOutboxRow[]; putRecords: ClientRecordRow[] } {
  const add: ClientOutboxRow[] = [];
  const putRecords: ClientRecordRow[] = [];
  for (const row of input.candidates) {
    if (input.inOutbox.has(row.id)) continue;
    add.push({
      userId: input.userId,
      recordId: row.id,
      recordType: row.type,
      op: 'create',
      baseVersion: 0,
      record: row.record,
      clientTime: input.now,
      state: 'pending',
    });
    const { serverRecord: _gone, rejection: _cleared, ...kept } = row;
    putRecords.push({ ...kept, serverVersion: null, baseVersion: null, syncStatus: 'finalised' });
  }
  return { add, putRecords };
}
