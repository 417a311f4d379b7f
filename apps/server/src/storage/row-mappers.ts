import type { FieldStamp, Json, JsonObject } from '@jigi/sync';
import type { BatchRow, ConflictRow, RecordRow, ReviewStatus, TaskRow } from './rows';

// Rows as both backends return them (the same column names and JSON text) turned into the storage
// ports' rows: one mapping for SQLite and PostgreSQL, so the two cannot drift.

/** Reads a JSON text column (written only by this folder, so its shape is known). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the column's known shape
export function readJson<T = Json>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}

export type RecordDb = {
  id: string;
  type: string;
  village_id: string;
  version: number;
  data: string;
  field_versions: string;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  deleted: number | boolean;
  review_status: ReviewStatus;
  warnings: string;
  created_by: string;
  device_id: string;
  created_at: string;
  updated_at: string;
};

export type BatchDb = {
  number: number;
  batch_id: string;
  device_id: string;
  user_id: string;
  received_at: string;
  client_time: string;
  clock_offset_ms: number;
  counts: string;
  villages: string;
};

export type ConflictDb = {
  id: string;
  record_id: string;
  path: string;
  server_value: string;
  incoming_value: string;
  base_version: number;
  server_version: number;
  server_by: string | null;
  device_id: string;
  user_id: string;
  mutation_id: number;
  created_at: string;
  status: 'open' | 'resolved';
  resolved_value: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolved_version: number | null;
};

export type TaskDb = {
  id: string;
  record_id: string;
  user_id: string;
  comment: string;
  created_by: string;
  created_at: string;
  status: 'open' | 'done';
  closed_at: string | null;
};

export const toRecord = (r: RecordDb): RecordRow => ({
  id: r.id,
  type: r.type,
  villageId: r.village_id,
  version: r.version,
  data: readJson<JsonObject>(r.data),
  fieldVersions: readJson<Record<string, FieldStamp>>(r.field_versions),
  deleted: r.deleted === true || r.deleted === 1,
  reviewStatus: r.review_status,
  warnings: readJson<Json[]>(r.warnings),
  createdBy: r.created_by,
  deviceId: r.device_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toBatch = (r: BatchDb): BatchRow => ({
  number: r.number,
  batchId: r.batch_id,
  deviceId: r.device_id,
  userId: r.user_id,
  receivedAt: r.received_at,
  clientTime: r.client_time,
  clockOffsetMs: r.clock_offset_ms,
  counts: readJson<Record<string, number>>(r.counts),
  villages: readJson<string[]>(r.villages),
});

export const toConflict = (c: ConflictDb): ConflictRow => ({
  id: c.id,
  recordId: c.record_id,
  path: c.path,
  serverValue: readJson(c.server_value),
  incomingValue: readJson(c.incoming_value),
  baseVersion: c.base_version,
  serverVersion: c.server_version,
  serverBy: c.server_by,
  deviceId: c.device_id,
  userId: c.user_id,
  mutationId: c.mutation_id,
  createdAt: c.created_at,
  status: c.status,
  resolvedValue: readJson(c.resolved_value),
  resolvedBy: c.resolved_by,
  resolvedAt: c.resolved_at,
  resolvedVersion: c.resolved_version,
});

export const toTask = (t: TaskDb): TaskRow => ({
  id: t.id,
  recordId: t.record_id,
  userId: t.user_id,
  comment: t.comment,
  createdBy: t.created_by,
  createdAt: t.created_at,
  status: t.status,
  closedAt: t.closed_at,
});
