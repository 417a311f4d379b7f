import { AppError } from '../errors/app-error';
import { findDuplicateHouseholds, householdRecordType } from '../features/ciblage/duplicates';
import type { AuthContext } from '../plugins/access';
import type { BatchFilter } from '../storage/rows';
import type { Tx } from '../storage/store';
import { deviceNames } from './admin';
import type { Deps } from './deps';
import { visibleConflict, visibleRecord } from './review';
import type { VillageScope } from './scope';

// The supervisor's review reads (batches, records, conflicts, duplicates), each in one transaction;
// the reads of personal data are audited in the same write.

/** User id → display name, for one request (accounts are a few hundred: read them once). */
async function namesOf(tx: Tx): Promise<(userId: string) => string> {
  const names = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u.name]));
  return (userId) => names.get(userId) ?? userId;
}

/** Device id → the tablet's name as the back office shows it (« Tablette de Awa Traoré n° 2 »). */
async function deviceLabelsOf(tx: Tx): Promise<(deviceId: string) => string> {
  const names = await deviceNames(tx);
  return (deviceId) => names.get(deviceId) ?? deviceId;
}

export function listConflicts(
  deps: Deps,
  villageIds: readonly string[] | undefined,
  status: 'open' | 'resolved',
) {
  return deps.store.read((tx) => tx.review.listConflicts({ villageIds, status }));
}

/** Throws not_found unless the record exists in the caller's villages. */
export async function assertVisibleRecord(deps: Deps, auth: AuthContext, recordId: string) {
  await auth.scope();
  await deps.store.read((tx) => visibleRecord(tx, auth, recordId));
}

/** A page of batches, newest first, with the sender's name. */
export async function batchPage(deps: Deps, filter: BatchFilter) {
  return deps.store.read(async (tx) => {
    const page = await tx.sync.listBatches(filter);
    const name = await namesOf(tx);
    const device = await deviceLabelsOf(tx);
    return {
      total: page.total,
      rows: page.rows.map((b) => ({
        ...b,
        userName: name(b.userId),
        deviceLabel: device(b.deviceId),
      })),
    };
  });
}

/** A batch with its records (in the caller's villages) and refused mutations; the read is audited. */
export async function batchDetail(
  deps: Deps,
  auth: AuthContext,
  batchNumber: number,
  scope: VillageScope,
) {
  return deps.store.write(async (tx) => {
    const batch = await tx.sync.batchByNumber(batchNumber);
    const visible = batch?.villages.some((v) => scope === 'all' || scope.has(v)) ?? false;
    if (batch === undefined || !visible)
      throw new AppError('not_found', { details: { batchNumber } });
    const records = (await tx.sync.batchRecords(batchNumber)).filter(
      (r) => scope === 'all' || scope.has(r.villageId),
    );
    const quarantined = (await tx.sync.listQuarantine(batch.deviceId)).filter(
      (q) => q.batchNumber === batchNumber,
    );
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'batch.read',
      entity: 'batch',
      entityId: String(batchNumber),
      details: null,
    });
    return {
      batch: {
        ...batch,
        userName: (await namesOf(tx))(batch.userId),
        deviceLabel: (await deviceLabelsOf(tx))(batch.deviceId),
      },
      records: records.map((r) => ({
        id: r.id,
        type: r.type,
        villageId: r.villageId,
        version: r.version,
        reviewStatus: r.reviewStatus,
        deleted: r.deleted,
        warningCount: r.warnings.length,
        updatedAt: r.updatedAt,
        data: r.data,
      })),
      rejected: quarantined.map((q) => ({
        mutationId: q.mutationId,
        reasonCode: q.reasonCode,
        reason: q.reason,
      })),
    };
  });
}

/** A record with its history, decisions, open conflict paths and tasks; the read is audited. */
export async function recordDetail(deps: Deps, auth: AuthContext, recordId: string) {
  await auth.scope(); // read before the write opens (visibleRecord checks the zone inside it)
  return deps.store.write(async (tx) => {
    const record = await visibleRecord(tx, auth, recordId);
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'record.read',
      entity: 'record',
      entityId: recordId,
      details: null,
    });
    const name = await namesOf(tx);
    const device = await deviceLabelsOf(tx);
    return {
      record: { ...record, createdByName: name(record.createdBy) },
      versions: (await tx.sync.recordVersions(recordId)).map((v) => ({
        ...v,
        ...(v.userId === null ? {} : { userName: name(v.userId) }),
        deviceLabel: v.deviceId === null ? null : device(v.deviceId),
      })),
      decisions: (await tx.review.reviewDecisions(recordId)).map((d) => ({
        ...d,
        userName: name(d.userId),
      })),
      openConflictPaths: await tx.review.openConflictPaths(recordId),
      openTasks: await tx.review.openTasksOf(recordId),
    };
  });
}

/** A queued conflict: both values, who and when, and the value both started from; the read is audited. */
export async function conflictDetail(deps: Deps, auth: AuthContext, conflictId: string) {
  await auth.scope(); // read before the write opens (visibleConflict checks the zone inside it)
  return deps.store.write(async (tx) => {
    const { conflict, record } = await visibleConflict(tx, auth, conflictId);
    await tx.audit.append({
      at: deps.now().toISOString(),
      userId: auth.user.id,
      action: 'conflict.read',
      entity: 'conflict',
      entityId: conflictId,
      details: null,
    });
    const who = await namesOf(tx);
    const device = await deviceLabelsOf(tx);
    const versions = await tx.sync.recordVersions(record.id);
    const server = versions.find((v) => v.version === conflict.serverVersion);
    const base = versions.filter((v) => v.version <= conflict.baseVersion);
    return {
      conflict,
      record: {
        id: record.id,
        type: record.type,
        villageId: record.villageId,
        version: record.version,
      },
      server: {
        value: conflict.serverValue,
        version: conflict.serverVersion,
        deviceId: conflict.serverBy,
        deviceLabel: conflict.serverBy === null ? null : device(conflict.serverBy),
        userName:
          server?.userId === undefined || server.userId === null ? null : who(server.userId),
        at: server?.serverTime ?? null,
      },
      incoming: {
        value: conflict.incomingValue,
        deviceId: conflict.deviceId,
        deviceLabel: device(conflict.deviceId),
        userName: who(conflict.userId),
        at: conflict.createdAt,
        mutationId: conflict.mutationId,
      },
      base: {
        version: conflict.baseVersion,
        value: baseValue(
          base.map((v) => v.changes),
          conflict.path,
        ),
      },
    };
  });
}

/**
 * Households possibly surveyed twice. Rejected records (e.g. merged duplicates) and groups a
 * supervisor kept apart are not candidates.
 */
export async function duplicateCandidates(deps: Deps, villageIds: readonly string[] | 'all') {
  return deps.store.read(async (tx) => {
    // Rejected records (e.g. merged duplicates) and groups a supervisor kept apart are not candidates.
    const records = (await tx.sync.recordsWhere({ type: householdRecordType, villageIds })).filter(
      (r) => r.reviewStatus !== 'rejected',
    );
    // The same households matched on the phone and on the NINA are one group with both reasons
    // (the supervisor decides once).
    const groups = new Map<
      string,
      { villageId: string; headNameKey: string; reasons: string[]; recordIds: string[] }
    >();
    for (const c of findDuplicateHouseholds(records)) {
      const key = c.recordIds.join('\u0000');
      const group = groups.get(key);
      if (group === undefined)
        groups.set(key, {
          villageId: c.villageId,
          headNameKey: c.headNameKey,
          reasons: [c.reason],
          recordIds: c.recordIds,
        });
      else if (!group.reasons.includes(c.reason)) group.reasons.push(c.reason);
    }
    const candidates = [];
    for (const c of groups.values()) {
      let allKeptApart = true;
      for (const id of c.recordIds) {
        const decisions = await tx.review.reviewDecisions(id);
        if (!decisions.some((d) => d.decision === 'keep_both')) allKeptApart = false;
      }
      if (!allKeptApart) candidates.push(c);
    }
    return { candidates };
  });
}

/** A supervisor keeps a group of possible duplicates apart: each record gets a keep_both decision. */
export async function keepBoth(deps: Deps, auth: AuthContext, recordIds: readonly string[]) {
  await auth.scope(); // read before the write opens (visibleRecord checks the zone inside it)
  return deps.store.write(async (tx) => {
    const at = deps.now().toISOString();
    for (const id of recordIds) {
      const record = await visibleRecord(tx, auth, id);
      await tx.review.insertReviewDecision({
        recordId: id,
        version: record.version,
        decision: 'keep_both',
        comment: null,
        userId: auth.user.id,
        at,
      });
      await tx.audit.append({
        at,
        userId: auth.user.id,
        action: 'duplicate.keep_both',
        entity: 'record',
        entityId: id,
        details: { group: [...recordIds] },
      });
    }
    return { action: 'keep_both', recordIds: recordIds };
  });
}

function baseValue(changes: readonly unknown[], path: string): unknown {
  let value: unknown = null;
  for (const change of changes) {
    if (typeof change !== 'object' || change === null) continue;
    if (path in change) value = (change as Record<string, unknown>)[path];
    else value = lookup(change, path.split('.')) ?? value;
  }
  return value;
}

function lookup(node: unknown, segments: readonly string[]): unknown {
  let current: unknown = node;
  for (const segment of segments) {
    if (Array.isArray(current))
      current = current.find(
        (item: unknown) =>
          typeof item === 'object' && item !== null && (item as { id?: unknown }).id === segment,
      );
    else if (typeof current === 'object' && current !== null)
      current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}
