import type { FastifyInstance } from 'fastify';
import { recordTypes } from '@jigi/domain';
import { jsonObjectSchema, jsonSchema, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { findDuplicateHouseholds } from '../../services/duplicates';
import { decide, resolve, visibleConflict, visibleRecord } from '../../services/review';
import { scopeList, villageInZones } from '../../services/scope';
import type { Deps } from '../../services/deps';
import type { AuthContext } from '../../plugins/access';

const access = { auth: 'user', roles: ['admin', 'supervisor'] } as const;
const reviewStatus = z.enum(['received', 'approved', 'returned', 'rejected']);
const isoDay = z.iso.date();

export const batchListQuerySchema = z.object({
  zone: z.string().min(1).max(wireLimits.maxIdLength).optional(),
  userId: z.string().min(1).max(wireLimits.maxIdLength).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  recordType: z.enum(recordTypes).optional(),
  status: reviewStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const decisionBodySchema = z.object({
  decision: z.enum(['approve', 'return', 'reject']),
  comment: z.string().trim().max(wireLimits.maxMessageLength).optional(),
});
export const bulkDecisionBodySchema = decisionBodySchema.extend({
  recordIds: z.array(z.string().min(1).max(wireLimits.maxIdLength)).min(1).max(500),
});
export const resolutionBodySchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('server') }),
  z.object({ choice: z.literal('incoming') }),
  z.object({ choice: z.literal('value'), value: jsonSchema }),
]);
export const duplicateResolutionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('keep_both'),
    recordIds: z.array(z.string().min(1).max(wireLimits.maxIdLength)).min(2).max(50),
  }),
  z.object({
    action: z.literal('merge'),
    recordIds: z.array(z.string().min(1).max(wireLimits.maxIdLength)).min(2).max(50),
    keepRecordId: z.string().min(1).max(wireLimits.maxIdLength),
  }),
]);
/** `GET /api/review/batches/:batchNumber`: the batch, its records (with their current data), its refusals. */
export const batchDetailResponseSchema = z.object({
  batch: z.object({
    number: z.number().int(),
    batchId: z.string(),
    deviceId: z.string(),
    userId: z.string(),
    userName: z.string(),
    receivedAt: z.string(),
    clientTime: z.string(),
    clockOffsetMs: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    villages: z.array(z.string()),
  }),
  records: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      villageId: z.string(),
      version: z.number().int(),
      reviewStatus,
      deleted: z.boolean(),
      warningCount: z.number().int(),
      updatedAt: z.string(),
      /** The record's current data, as in the record detail (the batch may have been edited since). */
      data: jsonObjectSchema,
    }),
  ),
  rejected: z.array(
    z.object({ mutationId: z.number().int(), reasonCode: z.string(), reason: jsonSchema }),
  ),
});
const batchParams = z.object({ batchNumber: z.coerce.number().int().min(1) });
const recordParams = z.object({ recordId: z.string().min(1).max(wireLimits.maxIdLength) });
const conflictParams = z.object({ conflictId: z.string().min(1).max(wireLimits.maxIdLength) });

/** User id → display name, memoised for one request. */
function namesOf(deps: Deps): (userId: string) => string {
  const cache = new Map<string, string>();
  return (userId) => {
    let name = cache.get(userId);
    if (name === undefined) {
      name = deps.repo.userById(userId)?.name ?? userId;
      cache.set(userId, name);
    }
    return name;
  };
}

/** Villages the caller may see, narrowed to a zone when one is asked for (`undefined`: all). */
function villagesFor(
  deps: Deps,
  auth: AuthContext,
  zone: string | undefined,
): string[] | undefined {
  const scoped = scopeList(auth.scope());
  if (zone === undefined) return scoped;
  const inZone = deps.repo
    .listVillages()
    .filter((v) => villageInZones(v, [zone]))
    .map((v) => v.id);
  return scoped === undefined ? inZone : inZone.filter((id) => scoped.includes(id));
}

/** Supervisor review (DESIGN.md §3.9): batches, records, decisions, conflicts, duplicates. */
export function reviewRoutes(app: FastifyInstance): void {
  const { deps } = app;
  const { repo } = deps;

  app.get(
    '/api/review/batches',
    { config: { access, doc: { summary: 'Lots reçus (filtres)', query: batchListQuerySchema } } },
    (request) => {
      const auth = authOf(request);
      const q = parseInput(batchListQuerySchema, request.query, 'invalid_query');
      const to =
        q.to === undefined ? undefined : new Date(Date.parse(q.to) + 86_400_000).toISOString();
      const page = repo.listBatches({
        villageIds: villagesFor(deps, auth, q.zone),
        userId: q.userId,
        from: q.from,
        to,
        recordType: q.recordType,
        status: q.status,
        limit: q.limit,
        offset: q.offset,
      });
      const name = namesOf(deps);
      return {
        total: page.total,
        rows: page.rows.map((b) => ({ ...b, userName: name(b.userId) })),
      };
    },
  );

  app.get(
    '/api/review/batches/:batchNumber',
    {
      config: {
        access,
        doc: {
          summary: 'Détail d’un lot (fiches avec leurs données)',
          response: batchDetailResponseSchema,
        },
      },
    },
    (request) => {
      const auth = authOf(request);
      const { batchNumber } = parseInput(batchParams, request.params, 'invalid_query');
      const batch = repo.batchByNumber(batchNumber);
      const scope = auth.scope();
      const visible = batch?.villages.some((v) => scope === 'all' || scope.has(v)) ?? false;
      if (batch === undefined || !visible)
        throw new AppError('not_found', { details: { batchNumber } });
      const records = repo
        .batchRecords(batchNumber)
        .filter((r) => scope === 'all' || scope.has(r.villageId));
      const quarantined = repo
        .listQuarantine(batch.deviceId)
        .filter((q) => q.batchNumber === batchNumber);
      repo.audit({
        at: deps.now().toISOString(),
        userId: auth.user.id,
        action: 'batch.read',
        entity: 'batch',
        entityId: String(batchNumber),
        details: null,
      });
      return {
        batch: { ...batch, userName: namesOf(deps)(batch.userId) },
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
    },
  );

  app.get(
    '/api/review/records/:recordId',
    { config: { access, doc: { summary: 'Fiche, alertes et historique des versions' } } },
    (request) => {
      const auth = authOf(request);
      const { recordId } = parseInput(recordParams, request.params, 'invalid_query');
      const record = visibleRecord(deps, auth, recordId);
      repo.audit({
        at: deps.now().toISOString(),
        userId: auth.user.id,
        action: 'record.read',
        entity: 'record',
        entityId: recordId,
        details: null,
      });
      const name = namesOf(deps);
      return {
        record: { ...record, createdByName: name(record.createdBy) },
        versions: repo
          .recordVersions(recordId)
          .map((v) => ({ ...v, ...(v.userId === null ? {} : { userName: name(v.userId) }) })),
        decisions: repo.reviewDecisions(recordId).map((d) => ({ ...d, userName: name(d.userId) })),
        openConflictPaths: repo.openConflictPaths(recordId),
        openTasks: repo.openTasksOf(recordId),
      };
    },
  );

  app.post(
    '/api/review/records/:recordId/decision',
    {
      config: {
        access,
        doc: { summary: 'Approuver, renvoyer ou rejeter une fiche', body: decisionBodySchema },
      },
    },
    (request) => {
      const { recordId } = parseInput(recordParams, request.params, 'invalid_query');
      const body = parseInput(decisionBodySchema, request.body);
      const [result] = decide(deps, authOf(request), [recordId], body.decision, body.comment);
      return result;
    },
  );

  app.post(
    '/api/review/decisions',
    {
      config: {
        access,
        doc: { summary: 'Décision en lot (tout ou rien)', body: bulkDecisionBodySchema },
      },
    },
    (request) => {
      const body = parseInput(bulkDecisionBodySchema, request.body);
      return {
        results: decide(deps, authOf(request), body.recordIds, body.decision, body.comment),
      };
    },
  );

  app.get(
    '/api/review/conflicts',
    { config: { access, doc: { summary: 'File des conflits' } } },
    (request) => {
      const auth = authOf(request);
      const q = parseInput(
        z.object({
          status: z.enum(['open', 'resolved']).optional(),
          zone: z.string().min(1).max(wireLimits.maxIdLength).optional(),
        }),
        request.query,
        'invalid_query',
      );
      return {
        conflicts: repo.listConflicts({
          villageIds: villagesFor(deps, auth, q.zone),
          status: q.status ?? 'open',
        }),
      };
    },
  );

  app.get(
    '/api/review/conflicts/:conflictId',
    {
      config: {
        access,
        doc: { summary: 'Conflit : les deux valeurs, qui, quand, valeur de départ' },
      },
    },
    (request) => {
      const auth = authOf(request);
      const { conflictId } = parseInput(conflictParams, request.params, 'invalid_query');
      const { conflict, record } = visibleConflict(deps, auth, conflictId);
      repo.audit({
        at: deps.now().toISOString(),
        userId: auth.user.id,
        action: 'conflict.read',
        entity: 'conflict',
        entityId: conflictId,
        details: null,
      });
      const who = (userId: string) => repo.userById(userId)?.name ?? userId;
      const server = repo
        .recordVersions(record.id)
        .find((v) => v.version === conflict.serverVersion);
      const base = repo.recordVersions(record.id).filter((v) => v.version <= conflict.baseVersion);
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
          userName:
            server?.userId === undefined || server.userId === null ? null : who(server.userId),
          at: server?.serverTime ?? null,
        },
        incoming: {
          value: conflict.incomingValue,
          deviceId: conflict.deviceId,
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
    },
  );

  app.post(
    '/api/review/conflicts/:conflictId/resolve',
    { config: { access, doc: { summary: 'Arbitrer un conflit', body: resolutionBodySchema } } },
    (request) => {
      const { conflictId } = parseInput(conflictParams, request.params, 'invalid_query');
      return resolve(
        deps,
        authOf(request),
        conflictId,
        parseInput(resolutionBodySchema, request.body),
      );
    },
  );

  app.get(
    '/api/review/duplicates',
    { config: { access, doc: { summary: 'Ménages possiblement en double' } } },
    (request) => {
      const auth = authOf(request);
      const q = parseInput(
        z.object({ zone: z.string().min(1).max(wireLimits.maxIdLength).optional() }),
        request.query,
        'invalid_query',
      );
      // Rejected records (e.g. merged duplicates) and groups a supervisor kept apart are not candidates.
      const records = repo
        .ciblageRecordsOfVillages(villagesFor(deps, auth, q.zone) ?? 'all')
        .filter((r) => r.reviewStatus !== 'rejected');
      const keptApart = (id: string) =>
        repo.reviewDecisions(id).some((d) => d.decision === 'keep_both');
      return {
        candidates: findDuplicateHouseholds(records).filter((c) => !c.recordIds.every(keptApart)),
      };
    },
  );

  app.post(
    '/api/review/duplicates/resolve',
    {
      config: {
        access,
        doc: {
          summary: 'Doublons : garder les deux, ou garder une fiche et rejeter les autres',
          body: duplicateResolutionSchema,
        },
      },
    },
    (request) => {
      const auth = authOf(request);
      const body = parseInput(duplicateResolutionSchema, request.body);
      if (body.action === 'keep_both') {
        return repo.transaction(() => {
          const at = deps.now().toISOString();
          for (const id of body.recordIds) {
            const record = visibleRecord(deps, auth, id);
            repo.insertReviewDecision({
              recordId: id,
              version: record.version,
              decision: 'keep_both',
              comment: null,
              userId: auth.user.id,
              at,
            });
            repo.audit({
              at,
              userId: auth.user.id,
              action: 'duplicate.keep_both',
              entity: 'record',
              entityId: id,
              details: { group: body.recordIds },
            });
          }
          return { action: 'keep_both', recordIds: body.recordIds };
        });
      }
      if (!body.recordIds.includes(body.keepRecordId))
        throw new AppError('invalid_body', {
          message: 'Champ « keepRecordId » : doit être l’une des fiches du groupe.',
          details: { field: 'keepRecordId' },
        });
      const others = body.recordIds.filter((id) => id !== body.keepRecordId);
      visibleRecord(deps, auth, body.keepRecordId);
      // Both histories stay: the duplicates are rejected (not deleted) with the kept record named.
      const results = decide(
        deps,
        auth,
        others,
        'reject',
        `Doublon de la fiche ${body.keepRecordId}`,
      );
      return { action: 'merge', keepRecordId: body.keepRecordId, results };
    },
  );
}

/** The value a path had at the base version, replayed from the stored versions' changes. */
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
