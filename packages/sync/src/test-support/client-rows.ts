import { ciblageHouseholdSchema } from '@jigi/domain';
import type { ClientOutboxRow, ClientRecordRow, LocalRecord } from '../client/rows';

/** The record type the fixtures use: any type merges the same; this one is real. */
const ciblageType = ciblageHouseholdSchema.shape.type.value;

// Rows for the planner tests: a client store in plain objects.

export const U = 'user-1';
export const T = '2026-03-15T09:00:00.000Z';
export const T2 = '2026-03-15T10:00:00.000Z';
export const rid = (n: number) => `0b6f3c1e-1111-4aaa-8bbb-${String(n).padStart(12, '0')}`;
export const bid = (n: number) => `0b6f3c1e-2222-4aaa-8bbb-${String(n).padStart(12, '0')}`;

export const household = (n: number, over: Record<string, unknown> = {}): LocalRecord => ({
  id: rid(n),
  type: ciblageType,
  villageId: 'v1',
  householdCode: `KOR-${n}`,
  livestock: { goats: 1, sheep: 0 },
  assets: { radio: 1 },
  ...over,
});

export const synced = (
  record: LocalRecord,
  version: number,
  over: Partial<ClientRecordRow> = {},
): ClientRecordRow => ({
  id: record.id,
  type: record.type,
  agentId: U,
  villageId: 'v1',
  record,
  serverRecord: record,
  syncStatus: 'synced',
  serverVersion: version,
  baseVersion: version,
  finalisedAt: T,
  updatedAt: T,
  searchText: 'folded',
  ...over,
});

let seq = 0;
export const outbox = (over: Partial<ClientOutboxRow> & { recordId: string }): ClientOutboxRow => ({
  seq: ++seq,
  userId: U,
  recordType: ciblageType,
  op: 'patch',
  baseVersion: 1,
  clientTime: T,
  state: 'pending',
  ...over,
});

export const create = (record: LocalRecord, over: Partial<ClientOutboxRow> = {}) =>
  outbox({ recordId: record.id, op: 'create', baseVersion: 0, record, ...over });
