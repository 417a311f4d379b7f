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
import type { PullRow, Repository } from '../storage/repository';
import type { Deps } from './deps';
import { roleRecordTypes, scopeList } from './scope';

/**
 * `GET /api/sync/pull` (DESIGN.md §3.4, §3.8): the current content of every entity in the device's
 * scope whose change-log entry is after the cursor, in sequence order, capped by count and bytes.
 * The change log keeps one entry per entity (its latest), so a page never repeats an entity and an
 * entity changed again after being sent comes again with a higher sequence: nothing is skipped.
 * The page is read in one transaction, so the content matches the sequence it is sent under.
 */
export function handlePull(deps: Deps, auth: AuthContext, rawQuery: unknown): PullResponse {
  const query = parseInput(pullQuerySchema, rawQuery, 'invalid_query');
  const { repo } = deps;
  let after = 0;
  if (query.cursor !== undefined) {
    const parsed = parseCursor(query.cursor);
    if (!parsed.ok) throw new AppError('malformed_cursor');
    if (parsed.cursor.epoch !== repo.epoch()) {
      // The device now walks everything from the start and then re-sends whatever of its records the
      // walk did not carry (the restored server lost them): its own earlier writes must come too.
      if (auth.device !== null) repo.forgetEchoes(auth.device.id);
      throw new AppError('epoch_changed', { details: { serverEpoch: repo.epoch() } });
    }
    after = parsed.cursor.seq;
  }
  const limit = query.limit ?? wireLimits.defaultPullLimit;
  const maxBytes = query.maxBytes ?? wireLimits.defaultPullBytes;
  const scope = {
    villageIds: scopeList(auth.scope()) ?? ('all' as const),
    recordTypes: roleRecordTypes[auth.user.role],
    userId: auth.user.id,
    // The device's own applied writes are not sent back: it holds exactly that content and learnt
    // the version from the push answer. That holds for a first pull too (a tablet that captured
    // before it ever pulled): a device id lives in the tablet's store, so a wiped store comes back
    // as a new device, which gets everything.
    skipEchoesOf: auth.device?.id,
  };
  return repo.transaction(() => {
    const rows = repo.changesAfter(after, limit + 1, scope);
    const changes: PullChange[] = [];
    let bytes = 0;
    let cursor = after;
    let hasMore = false;
    for (const row of rows) {
      const change = toPullChange(repo, row);
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
    if (!hasMore) cursor = Math.max(cursor, repo.lastSeq());
    // Pulls carry personal data (households of the villages): who received what is audited.
    if (changes.length > 0) {
      repo.audit({
        at: deps.now().toISOString(),
        userId: auth.user.id,
        action: 'sync.pull',
        entity: 'device',
        entityId: auth.device?.id ?? null,
        details: { from: after, to: cursor, changes: changes.length },
      });
    }
    return {
      changes,
      nextCursor: formatCursor({ epoch: repo.epoch(), seq: cursor }),
      hasMore,
      serverTime: deps.now().toISOString(),
    };
  });
}

function toPullChange(repo: Repository, row: PullRow): PullChange {
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
      const v = repo.villageById(row.entityId);
      return v === undefined ? gone : { ...base, version: v.version, deleted: false, data: v.data };
    }
    case 'beneficiary_household': {
      const h = repo.householdById(row.entityId);
      return h === undefined ? gone : { ...base, version: h.version, deleted: false, data: h.data };
    }
    case 'microproject': {
      const m = repo.microprojectById(row.entityId);
      return m === undefined ? gone : { ...base, version: m.version, deleted: false, data: m.data };
    }
    case 'settings': {
      const s = repo.settings();
      return s === undefined ? gone : { ...base, version: s.version, deleted: false, data: s.data };
    }
    case 'task': {
      const t = repo.taskById(row.entityId);
      if (t === undefined || t.status === 'done') return gone;
      const record = repo.recordById(t.recordId);
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
      const c = repo.conflictById(row.entityId);
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
