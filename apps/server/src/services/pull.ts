import {
  formatCursor,
  parseCursor,
  pullQuerySchema,
  wireLimits,
  type JsonObject,
  type PullChange,
  type PullResponse,
} from '@jigi/sync';
import { AppError } from '../errors/app-error';
import type { AuthContext } from '../plugins/access';
import { parseInput } from '../plugins/validate';
import type { PullRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { roleRecordTypes, scopeList } from './scope';

/**
 * `GET /api/sync/pull` (docs/decisions.md §3.4, §3.8): the current content of every entity in the device's
 * scope whose change-log entry is after the cursor, in sequence order, capped by count and bytes.
 * The change log keeps one entry per entity (its latest), so a page never repeats an entity and an
 * entity changed again after being sent comes again with a higher sequence: nothing is skipped.
 * The page is read in one snapshot, so the content matches the sequence it is sent under, and the
 * jump to the last sequence (below) never passes a change the page could not see.
 */
export async function handlePull(
  deps: Deps,
  auth: AuthContext,
  rawQuery: unknown,
): Promise<PullResponse> {
  // A cursor that is not one is `malformed_cursor` (documented), whatever else the query says.
  const rawCursor: unknown =
    typeof rawQuery === 'object' && rawQuery !== null
      ? (rawQuery as Record<string, unknown>)['cursor']
      : undefined;
  if (rawCursor !== undefined && (typeof rawCursor !== 'string' || !parseCursor(rawCursor).ok))
    throw new AppError('malformed_cursor');
  const query = parseInput(pullQuerySchema, rawQuery, 'invalid_query');
  let cursorIn: { epoch: string; seq: number } | undefined;
  if (query.cursor !== undefined) {
    const parsed = parseCursor(query.cursor);
    if (!parsed.ok) throw new AppError('malformed_cursor');
    cursorIn = parsed.cursor;
  }
  const after = cursorIn?.seq ?? 0;
  const limit = query.limit ?? wireLimits.defaultPullLimit;
  const maxBytes = query.maxBytes ?? wireLimits.defaultPullBytes;
  const scope = {
    villageIds: scopeList(await auth.scope()) ?? ('all' as const),
    recordTypes: roleRecordTypes(auth.user.role),
    userId: auth.user.id,
    // The device's own applied writes are not sent back: it holds exactly that content and learnt
    // the version from the push answer. That holds for a first pull too (a tablet that captured
    // before it ever pulled): a device id lives in the tablet's store, so a wiped store comes back
    // as a new device, which gets everything.
    skipEchoesOf: auth.device?.id,
  };
  const page = await deps.store.read(async (tx) => {
    const epoch = await tx.meta.epoch();
    if (cursorIn !== undefined && cursorIn.epoch !== epoch) return { epochChanged: epoch };
    const rows = await tx.sync.changesAfter(after, limit + 1, scope);
    const changes: PullChange[] = [];
    let bytes = 0;
    let cursor = after;
    let hasMore = false;
    for (const row of rows) {
      const change = await toPullChange(tx, row);
      const size = Buffer.byteLength(JSON.stringify(change));
      // Always send at least one change, or one entity over the byte cap would block the device.
      if (changes.length >= limit || (changes.length > 0 && bytes + size > maxBytes)) {
        hasMore = true;
        break;
      }
      changes.push(change);
      bytes += size;
      cursor = row.seq;
    }
    // Nothing more in scope: jump over entries of other scopes so they are not scanned again.
    if (!hasMore) cursor = Math.max(cursor, await tx.sync.lastSeq());
    return { changes, hasMore, nextCursor: formatCursor({ epoch, seq: cursor }), seq: cursor };
  });
  if ('epochChanged' in page) {
    // The device now walks everything from the start and then re-sends whatever of its records the
    // walk did not carry (the restored server lost them): its own earlier writes must come too.
    const device = auth.device;
    if (device !== null) await deps.store.write((tx) => tx.sync.forgetEchoes(device.id));
    throw new AppError('epoch_changed', { details: { serverEpoch: page.epochChanged } });
  }
  // Pulls carry personal data (households of the villages): who received what is audited.
  if (page.changes.length > 0) {
    await deps.store.write((tx) =>
      tx.audit.append({
        at: deps.now().toISOString(),
        userId: auth.user.id,
        action: 'sync.pull',
        entity: 'device',
        entityId: auth.device?.id ?? null,
        details: { from: after, to: page.seq, changes: page.changes.length },
      }),
    );
  }
  return {
    changes: page.changes,
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    serverTime: deps.now().toISOString(),
  };
}

async function toPullChange(tx: Tx, row: PullRow): Promise<PullChange> {
  const base = { seq: row.seq, entity: row.entity, id: row.entityId };
  const gone: PullChange = { ...base, deleted: true };
  switch (row.entity) {
    case 'record': {
      const r = row.record;
      if (r === undefined) return gone;
      if (r.deleted) return { ...base, version: r.version, deleted: true };
      const pending = r.openConflictPaths;
      return {
        ...base,
        version: r.version,
        deleted: false,
        data: r.data,
        meta: {
          reviewState: r.reviewStatus,
          updatedAt: r.updatedAt,
          ...(pending.length > 0 ? { pendingConflictPaths: pending } : {}),
        },
      };
    }
    case 'village': {
      const v = await tx.reference.villageById(row.entityId);
      return v === undefined ? gone : { ...base, version: v.version, deleted: false, data: v.data };
    }
    case 'beneficiary_household': {
      const h = await tx.reference.householdById(row.entityId);
      return h === undefined ? gone : { ...base, version: h.version, deleted: false, data: h.data };
    }
    case 'microproject': {
      const m = await tx.reference.microprojectById(row.entityId);
      return m === undefined ? gone : { ...base, version: m.version, deleted: false, data: m.data };
    }
    case 'settings': {
      const s = await tx.reference.settings();
      return s === undefined ? gone : { ...base, version: s.version, deleted: false, data: s.data };
    }
    case 'task': {
      const t = await tx.review.taskById(row.entityId);
      if (t === undefined || t.status === 'done') return gone;
      const record = await tx.sync.recordById(t.recordId);
      const data: JsonObject = {
        id: t.id,
        recordId: t.recordId,
        recordType: record?.type ?? null,
        comment: t.comment,
        createdAt: t.createdAt,
        status: t.status,
      };
      return { ...base, deleted: false, data };
    }
    case 'conflict': {
      const c = await tx.review.conflictById(row.entityId);
      if (c === undefined) return gone;
      const data: JsonObject = {
        id: c.id,
        recordId: c.recordId,
        path: c.path,
        status: c.status,
        serverValue: c.serverValue,
        incomingValue: c.incomingValue,
        createdAt: c.createdAt,
        resolvedValue: c.resolvedValue,
        resolvedAt: c.resolvedAt,
        resolvedVersion: c.resolvedVersion,
      };
      return { ...base, deleted: false, data };
    }
  }
}
