// The storage contract. Everything outside src/storage talks to this interface only, so that a
// PostgreSQL backend can implement it later (DESIGN.md §2). Methods are synchronous because the
// SQLite backend is; `transaction` runs its function atomically (all or nothing). A PostgreSQL
// backend will need an async variant of this interface (services already keep each request's work
// inside one `transaction` call, which is the unit such a backend maps to).
import type { FieldStamp, Json, JsonObject, MutationResult, UserRole } from '@jigi/sync';

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

export interface Repository {
  transaction<T>(fn: () => T): T;
  close(): void;
  /** Current server epoch (changes on restore: pull cursors of another epoch answer 410). */
  epoch(): string;
  rotateEpoch(newEpoch: string): void;
  /** Online copy of the whole database to `file` while writes continue. */
  backup(file: string): Promise<void>;

  // accounts
  insertUser(user: UserRow): void;
  updateUser(
    id: string,
    patch: {
      name?: string;
      role?: UserRole;
      active?: boolean;
      passwordHash?: string;
      zones?: string[];
    },
  ): void;
  userById(id: string): UserRow | undefined;
  userByLogin(login: string): UserRow | undefined;
  listUsers(): UserRow[];
  insertDevice(device: DeviceRow & { tokenHash: string }): void;
  deviceByTokenHash(tokenHash: string): DeviceRow | undefined;
  deviceById(id: string): DeviceRow | undefined;
  listDevices(): DeviceRow[];
  revokeDevice(id: string, at: string): void;
  touchDevice(id: string, at: string): void;
  setLastMutationId(deviceId: string, id: number): void;
  insertSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string): void;
  sessionByTokenHash(tokenHash: string): { userId: string; expiresAt: string } | undefined;
  deleteSession(tokenHash: string): void;

  // reference data
  upsertVillage(row: VillageRow): void;
  villageById(id: string): VillageRow | undefined;
  listVillages(): VillageRow[];
  upsertHousehold(row: HouseholdRow): void;
  householdById(id: string): HouseholdRow | undefined;
  listHouseholds(villageIds: readonly string[]): HouseholdRow[];
  upsertMicroproject(row: MicroprojectRow): void;
  microprojectById(id: string): MicroprojectRow | undefined;
  listMicroprojects(): MicroprojectRow[];
  settings(): ReferenceRow | undefined;
  saveSettings(row: ReferenceRow): void;

  // records and sync
  recordById(id: string): RecordRow | undefined;
  /** The record's village alone (no JSON read): a push lists its batch's villages. */
  recordVillageId(id: string): string | undefined;
  saveRecord(row: RecordRow): void;
  setReviewStatus(id: string, status: ReviewStatus, at: string): void;
  insertRecordVersion(row: RecordVersionRow): void;
  recordVersions(id: string): RecordVersionRow[];
  listRecords(filter: RecordFilter): Generator<RecordRow>;
  /** Records of a type whose JSON field equals a value (HIMO rules need the project's roll). */
  recordsByField(type: string, field: string, value: string): RecordRow[];
  /** Appends the entity to the change log (its previous entry is dropped: one entry per entity). */
  logChange(change: ChangeEntry): number;
  lastSeq(): number;
  /**
   * Changes after `afterSeq` in order, at most `limit`, scoped by the filter (SQL-side), each record
   * change with the record's current content and open conflict paths (one query per page).
   */
  changesAfter(afterSeq: number, limit: number, scope: PullScope): PullRow[];
  /** The device's applied writes become ordinary changes again: after a restore it refetches them all. */
  forgetEchoes(deviceId: string): void;
  storedResult(deviceId: string, mutationId: number): MutationResult | undefined;
  storeResult(
    deviceId: string,
    mutationId: number,
    recordId: string,
    result: MutationResult,
    batchNumber: number | null,
  ): void;
  insertBatch(row: Omit<BatchRow, 'number'>): number;
  updateBatchSummary(number: number, counts: Record<string, number>, villages: string[]): void;
  addBatchRecord(batchNumber: number, recordId: string, version: number): void;
  batchByNumber(number: number): BatchRow | undefined;
  listBatches(filter: BatchFilter): {
    rows: (BatchRow & { statusCounts: Record<string, number> })[];
    total: number;
  };
  batchRecords(number: number): RecordRow[];
  quarantine(row: Omit<QuarantineRow, 'id'>): void;
  listQuarantine(deviceId?: string): QuarantineRow[];

  // review
  insertConflict(row: ConflictRow): void;
  conflictById(id: string): ConflictRow | undefined;
  listConflicts(filter: {
    villageIds?: readonly string[] | undefined;
    status?: 'open' | 'resolved' | undefined;
  }): ConflictRow[];
  openConflictPaths(recordId: string): string[];
  resolveConflictRow(id: string, value: Json, by: string, at: string, version: number): void;
  insertTask(row: TaskRow): void;
  taskById(id: string): TaskRow | undefined;
  openTasksOf(recordId: string): TaskRow[];
  closeTask(id: string, at: string): void;
  insertReviewDecision(row: {
    recordId: string;
    version: number;
    decision: string;
    comment: string | null;
    userId: string;
    at: string;
  }): void;
  reviewDecisions(
    recordId: string,
  ): { version: number; decision: string; comment: string | null; userId: string; at: string }[];
  /** Households of the same village and normalised head name (`searchKey`) in ciblage records. */
  ciblageRecordsOfVillages(villageIds: readonly string[] | 'all'): RecordRow[];

  // audit
  audit(row: Omit<AuditRow, 'id'>): void;
  listAudit(limit: number): AuditRow[];
}
