// The rows the storage ports read and write: plain data, the same for every backend (store.ts).
import type { FieldStamp, Json, JsonObject, UserRole } from '@jigi/sync';

export type UserRow = {
  id: string;
  login: string;
  name: string;
  role: UserRole;
  active: boolean;
  zones: string[];
  passwordHash: string;
  createdAt: string;
};
export type DeviceRow = {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastMutationId: number;
  lastSeenAt: string | null;
  /** Changes the tablet said it still held after its last push (null: it never said). */
  reportedUnsynced: number | null;
};
/**
 * The server's share of one user's data key on one tablet (docs/tablet-security.md): asked for by
 * the tablet under a key id it made, bound to the device that last received it. A share whose device
 * was revoked is never given again.
 */
export type KeyShareRow = {
  keyId: string;
  userId: string;
  deviceId: string;
  /** base64 of 64 random bytes. */
  share: string;
  createdAt: string;
  updatedAt: string;
};
/** Reference data kept as the domain's JSON, with a version bumped on each change. */
export type ReferenceRow = { id: string; data: JsonObject; version: number; updatedAt: string };
export type VillageRow = ReferenceRow & { name: string; communeCode: string };
export type HouseholdRow = ReferenceRow & { villageId: string };
export type MicroprojectRow = ReferenceRow & { villageIds: string[] };

export type ReviewStatus = 'received' | 'approved' | 'returned' | 'rejected';
export type RecordRow = {
  id: string;
  type: string;
  villageId: string;
  version: number;
  data: JsonObject;
  fieldVersions: Record<string, FieldStamp>;
  deleted: boolean;
  reviewStatus: ReviewStatus;
  warnings: Json[];
  createdBy: string;
  deviceId: string;
  createdAt: string;
  updatedAt: string;
};
export type RecordVersionRow = {
  recordId: string;
  version: number;
  op: string;
  changes: Json;
  overwritten: Json;
  actor: string;
  userId: string | null;
  deviceId: string | null;
  mutationId: number | null;
  serverTime: string;
  clientTime: string | null;
};
export type ChangeEntity =
  | 'record'
  | 'village'
  | 'beneficiary_household'
  | 'microproject'
  | 'settings'
  | 'task'
  | 'conflict';
export type ChangeRow = {
  seq: number;
  entity: ChangeEntity;
  entityId: string;
  villageId: string | null;
  recordType: string | null;
  audienceUserId: string | null;
};
/**
 * A change as logged: `echoDeviceId` names the device whose own write, applied exactly as it sent it
 * (it learnt the version from its push answer), is this entity's latest change.
 */
export type ChangeEntry = Omit<ChangeRow, 'seq'> & { echoDeviceId?: string | null };
/** What a pull page needs of a record, read with its change in the same query. */
export type PulledRecord = {
  version: number;
  data: JsonObject;
  deleted: boolean;
  reviewStatus: ReviewStatus;
  updatedAt: string;
  openConflictPaths: string[];
};
export type PullRow = ChangeRow & { record: PulledRecord | undefined };
export type PullScope = {
  villageIds: readonly string[] | 'all';
  recordTypes: readonly string[];
  userId: string;
  /** Leave out changes that are this device's own applied writes (see `forgetEchoes`). */
  skipEchoesOf?: string | undefined;
};
export type BatchRow = {
  number: number;
  batchId: string;
  deviceId: string;
  userId: string;
  receivedAt: string;
  clientTime: string;
  clockOffsetMs: number;
  counts: Record<string, number>;
  villages: string[];
};
export type ConflictRow = {
  id: string;
  recordId: string;
  path: string;
  serverValue: Json;
  incomingValue: Json;
  baseVersion: number;
  serverVersion: number;
  serverBy: string | null;
  deviceId: string;
  userId: string;
  mutationId: number;
  createdAt: string;
  status: 'open' | 'resolved';
  resolvedValue: Json;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolvedVersion: number | null;
};
export type TaskRow = {
  id: string;
  recordId: string;
  userId: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  status: 'open' | 'done';
  closedAt: string | null;
};
export type QuarantineRow = {
  id: number;
  deviceId: string;
  userId: string;
  mutationId: number;
  batchNumber: number | null;
  reasonCode: string;
  reason: Json;
  input: Json;
  receivedAt: string;
};
export type AuditRow = {
  id: number;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Json;
};

export type BatchFilter = {
  villageIds?: readonly string[] | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  recordType?: string | undefined;
  status?: ReviewStatus | undefined;
  limit: number;
  offset: number;
};
export type RecordFilter = {
  type: string;
  villageIds?: readonly string[] | undefined;
  status?: ReviewStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeDeleted?: boolean;
};
