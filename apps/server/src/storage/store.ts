// The storage contract: an async store that hands the code it runs an explicit transaction made of
// small ports, one per aggregate. Everything outside src/storage talks to these interfaces only, and
// nothing outside it knows which backend runs (docs/architecture.md, « Server storage »). Ports know
// no record types: a module's query is a `recordsWhere` with its own type and field.
//
// Isolation promise, held by every backend and checked by the conformance suite
// (conformance/store-conformance.ts):
//  1. A `write` is atomic: all of its writes commit, or none (an error thrown inside rolls back).
//  2. Two writes for the same device never interleave: `sync.lockDevice` holds the device until the
//     write commits, so the same batch reaching two server processes applies once.
//  3. A change becomes visible to pull cursors only in commit order: a change logged by a write
//     that commits later always gets a higher sequence than every change already visible, so a
//     puller that walked past sequence N never misses a change committed afterwards.
//  4. Rows a write reads with `recordById` or `recordsWhere` stay as read until it commits (another
//     write touching them waits): the checks a push makes against a record or a HIMO roll hold
//     when it writes.
//  5. A `read` sees one consistent snapshot of committed data.
// A write that loses a deadlock or a serialization race is run again from the start by the store,
// so the function given to `write` must have no effect outside the transaction it is handed.
import type { Json, MutationResult, UserRole } from '@jigi/sync';
import type {
  AuditRow,
  BatchFilter,
  BatchRow,
  ChangeEntry,
  ConflictRow,
  DeviceRow,
  HouseholdRow,
  KeyShareRow,
  MicroprojectRow,
  PullRow,
  PullScope,
  QuarantineRow,
  RecordFilter,
  RecordRow,
  RecordVersionRow,
  ReferenceRow,
  ReviewStatus,
  TaskRow,
  UserRow,
  VillageRow,
} from './rows';
import type {
  EnrolmentEventRow,
  EnrolmentRow,
  PmtAdoptionRow,
  PmtFormulaRow,
  PmtScoreRow,
} from './targeting-rows';

export type UserPatch = {
  name?: string;
  role?: UserRole;
  active?: boolean;
  passwordHash?: string;
  zones?: string[];
};

export interface AccountsPort {
  insertUser(user: UserRow): Promise<void>;
  updateUser(id: string, patch: UserPatch): Promise<void>;
  userById(id: string): Promise<UserRow | undefined>;
  userByLogin(login: string): Promise<UserRow | undefined>;
  listUsers(): Promise<UserRow[]>;
  insertDevice(device: DeviceRow & { tokenHash: string }): Promise<void>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceRow | undefined>;
  deviceById(id: string): Promise<DeviceRow | undefined>;
  listDevices(): Promise<DeviceRow[]>;
  revokeDevice(id: string, at: string): Promise<void>;
  /** The tablet's last contact, and the unsynced count it reported then (kept when it said none). */
  touchDevice(id: string, at: string, reportedUnsynced?: number): Promise<void>;
  insertSession(
    tokenHash: string,
    userId: string,
    createdAt: string,
    expiresAt: string,
  ): Promise<void>;
  sessionByTokenHash(tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  keyShareById(keyId: string): Promise<KeyShareRow | undefined>;
  /** Inserts the share, or binds an existing one to another device (same key id and share). */
  upsertKeyShare(row: KeyShareRow): Promise<void>;
}

export interface ReferencePort {
  upsertVillage(row: VillageRow): Promise<void>;
  villageById(id: string): Promise<VillageRow | undefined>;
  listVillages(): Promise<VillageRow[]>;
  upsertHousehold(row: HouseholdRow): Promise<void>;
  householdById(id: string): Promise<HouseholdRow | undefined>;
  listHouseholds(villageIds: readonly string[]): Promise<HouseholdRow[]>;
  upsertMicroproject(row: MicroprojectRow): Promise<void>;
  microprojectById(id: string): Promise<MicroprojectRow | undefined>;
  listMicroprojects(): Promise<MicroprojectRow[]>;
  settings(): Promise<ReferenceRow | undefined>;
  saveSettings(row: ReferenceRow): Promise<void>;
}

/** Records of one type whose top-level JSON `field` equals `value`, in optional villages. */
export type RecordsQuery = {
  type: string;
  field?: string;
  value?: string;
  villageIds?: readonly string[] | 'all' | undefined;
};

export interface SyncPort {
  /**
   * The device, held until this write commits (promise 2): a push reads its last mutation id here.
   * Undefined when unknown.
   */
  lockDevice(id: string): Promise<DeviceRow | undefined>;
  setLastMutationId(deviceId: string, id: number): Promise<void>;
  storedResult(deviceId: string, mutationId: number): Promise<MutationResult | undefined>;
  storeResult(
    deviceId: string,
    mutationId: number,
    recordId: string,
    result: MutationResult,
    batchNumber: number | null,
  ): Promise<void>;

  recordById(id: string): Promise<RecordRow | undefined>;
  /** The record's village alone (no JSON read): a push lists its batch's villages. */
  recordVillageId(id: string): Promise<string | undefined>;
  saveRecord(row: RecordRow): Promise<void>;
  insertRecordVersion(row: RecordVersionRow): Promise<void>;
  recordVersions(id: string): Promise<RecordVersionRow[]>;
  /** One keyset page of records by id (`afterId` exclusive): exports read page by page. */
  recordsPage(filter: RecordFilter, afterId: string, limit: number): Promise<RecordRow[]>;
  /** Records (not deleted) matching the query, by village then id; held in a write (promise 4). */
  recordsWhere(query: RecordsQuery): Promise<RecordRow[]>;

  /** Appends the entity to the change log (its previous entry is dropped: one entry per entity). */
  logChange(change: ChangeEntry): Promise<void>;
  /** The highest sequence visible to this transaction. */
  lastSeq(): Promise<number>;
  /**
   * Changes after `afterSeq` in order, at most `limit`, scoped by the filter, each record change with
   * the record's current content and open conflict paths (one query per page).
   */
  changesAfter(afterSeq: number, limit: number, scope: PullScope): Promise<PullRow[]>;
  /** The device's applied writes become ordinary changes again: after a restore it refetches them all. */
  forgetEchoes(deviceId: string): Promise<void>;

  insertBatch(row: Omit<BatchRow, 'number'>): Promise<number>;
  updateBatchSummary(
    number: number,
    counts: Record<string, number>,
    villages: string[],
  ): Promise<void>;
  addBatchRecord(batchNumber: number, recordId: string, version: number): Promise<void>;
  batchByNumber(number: number): Promise<BatchRow | undefined>;
  listBatches(
    filter: BatchFilter,
  ): Promise<{ rows: (BatchRow & { statusCounts: Record<string, number> })[]; total: number }>;
  batchRecords(number: number): Promise<RecordRow[]>;
  quarantine(row: Omit<QuarantineRow, 'id'>): Promise<void>;
  listQuarantine(deviceId?: string): Promise<QuarantineRow[]>;
}

export type ReviewDecisionRow = {
  version: number;
  decision: string;
  comment: string | null;
  userId: string;
  at: string;
};

export interface ReviewPort {
  setReviewStatus(recordId: string, status: ReviewStatus, at: string): Promise<void>;
  insertConflict(row: ConflictRow): Promise<void>;
  conflictById(id: string): Promise<ConflictRow | undefined>;
  listConflicts(filter: {
    villageIds?: readonly string[] | undefined;
    status?: 'open' | 'resolved' | undefined;
  }): Promise<ConflictRow[]>;
  openConflictPaths(recordId: string): Promise<string[]>;
  resolveConflictRow(
    id: string,
    value: Json,
    by: string,
    at: string,
    version: number,
  ): Promise<void>;
  insertTask(row: TaskRow): Promise<void>;
  taskById(id: string): Promise<TaskRow | undefined>;
  openTasksOf(recordId: string): Promise<TaskRow[]>;
  closeTask(id: string, at: string): Promise<void>;
  insertReviewDecision(row: ReviewDecisionRow & { recordId: string }): Promise<void>;
  reviewDecisions(recordId: string): Promise<ReviewDecisionRow[]>;
}

/** Audit entries to list: each field narrows (`action` exact, or `action.` then anything). */
export type AuditFilter = {
  userId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  /** `at >= fromAt` and `at < beforeAt` (ISO instants). */
  fromAt?: string | undefined;
  beforeAt?: string | undefined;
  limit: number;
  offset: number;
};

export interface AuditPort {
  append(row: Omit<AuditRow, 'id'>): Promise<void>;
  recent(limit: number): Promise<AuditRow[]>;
  /** One page of the matching entries, newest first, with how many match in all. */
  search(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }>;
  /** Every distinct action logged, sorted. */
  actions(): Promise<string[]>;
}

/** PMT formulas, their adoptions and scores, and the register of enrolled households. */
export interface TargetingPort {
  insertFormula(row: PmtFormulaRow): Promise<void>;
  formulaByVersion(version: string): Promise<PmtFormulaRow | undefined>;
  listFormulas(): Promise<PmtFormulaRow[]>;
  insertAdoption(row: PmtAdoptionRow): Promise<void>;
  /** Every adoption, the latest (the formula in force) first. */
  adoptions(): Promise<PmtAdoptionRow[]>;
  /** Stores a score; one already stored for the same record version and formula is kept as it is. */
  saveScore(row: PmtScoreRow): Promise<void>;
  /** A formula's scores of a village's records, every record version. */
  villageScores(villageId: string, formulaVersion: string): Promise<PmtScoreRow[]>;
  /** Every score a record was given, oldest first. */
  recordScores(recordId: string): Promise<PmtScoreRow[]>;
  upsertEnrolment(row: EnrolmentRow): Promise<void>;
  enrolmentById(id: string): Promise<EnrolmentRow | undefined>;
  enrolmentOfRecord(ciblageRecordId: string): Promise<EnrolmentRow | undefined>;
  /** Enrolments of the villages (all when undefined), by village then household code. */
  listEnrolments(villageIds: readonly string[] | undefined): Promise<EnrolmentRow[]>;
  insertEnrolmentEvent(row: EnrolmentEventRow): Promise<void>;
  enrolmentEvents(enrolmentId: string): Promise<EnrolmentEventRow[]>;
  /** Takes a household that left the register off the tablets' lists (beneficiary households). */
  deleteBeneficiaryHousehold(id: string): Promise<void>;
}

export interface MetaPort {
  /** Current server epoch (changes on restore: pull cursors of another epoch answer 410). */
  epoch(): Promise<string>;
  rotateEpoch(newEpoch: string): Promise<void>;
}

/** What a transaction hands the code it runs. */
export type Tx = {
  readonly accounts: AccountsPort;
  readonly reference: ReferencePort;
  readonly sync: SyncPort;
  readonly review: ReviewPort;
  readonly audit: AuditPort;
  readonly meta: MetaPort;
  readonly targeting: TargetingPort;
};

export type Backend = 'sqlite' | 'postgres';

export interface Store {
  readonly backend: Backend;
  /** Runs `fn` in a read-only snapshot (promise 5). */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one atomic write transaction (promises 1–4); may run it again on a lost race. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Whether the database answers (health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A `RecordsQuery.field` as the SQL of a JSON path may hold it: a plain top-level key. */
export function jsonFieldName(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) throw new Error(`not a record field name: ${field}`);
  return field;
}
