import type { JsonObject } from '@jigi/sync';
import type { ApiResult } from '../../api/http';
import type { ConflictDetailResponse as ConflictDetail } from '@jigi/contract';
import { getConflict } from '../../api/conflicts';
import { getRecord } from '../../api/records';

export type ConflictView = { detail: ConflictDetail; data: JsonObject | undefined };

/**
 * A conflict with both sides, and the record's current content so the field is named in full
 * (« Liste des membres › n° 1 › Prénom »). The record is a nicety: if it cannot be read, the
 * conflict still shows with the field's own label.
 */
export async function loadConflict(
  id: string,
  recordId: string,
  signal: AbortSignal,
): Promise<ApiResult<ConflictView>> {
  const [detail, record] = await Promise.all([
    getConflict(id, signal),
    getRecord(recordId, signal),
  ]);
  if (!detail.ok) return detail;
  return {
    ok: true,
    value: { detail: detail.value, data: record.ok ? record.value.record.data : undefined },
  };
}
