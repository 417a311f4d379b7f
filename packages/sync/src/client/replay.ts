import type { Json, JsonObject } from '../json';
import { applyChanges } from '../paths/apply-changes';
import { diffRecords } from '../paths/diff';
import type { ClientOutboxRow, LocalRecord } from './rows';

/**
 * The record with the client's unacknowledged changes replayed on a server version, in outbox order.
 * An unacknowledged create is the client's own content (the server has it only through a lost
 * answer, and then has exactly it).
 */
export function replayPending(server: LocalRecord, rows: readonly ClientOutboxRow[]): LocalRecord {
  let content = server as JsonObject;
  for (const r of rows) {
    if (r.op === 'create' && r.record) content = r.record as JsonObject;
    else if (r.op === 'patch' && r.changes)
      content = applyChanges(content, r.changes as Record<string, Json>);
  }
  return content as LocalRecord;
}

/**
 * `edited`'s changes since `from`, applied to `onto`: a draft opened from `from`, or a rejected edit
 * of it, moved onto a newer server version so that it keeps what another device changed elsewhere.
 */
export function rebase(from: LocalRecord, edited: LocalRecord, onto: LocalRecord): LocalRecord {
  return applyChanges(
    onto as JsonObject,
    diffRecords(from as JsonObject, edited as JsonObject),
  ) as LocalRecord;
}
