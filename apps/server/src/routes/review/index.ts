import type { FastifyInstance } from 'fastify';
import { recordTypes } from '@jigi/domain';
import { jsonObjectSchema, jsonSchema, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { findDuplicateHouseholds, householdRecordType } from '../../features/ciblage/duplicates';
import { decide, resolve, visibleConflict, visibleRecord } from '../../services/review';
import { villagesFor } from '../../services/scope';
import type { Tx } from '../../storage/store';

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

/** User id → display name, for one request (accounts are a few hundred: read them once). */
async function namesOf(tx: Tx): Promise<(userId: string) => string> {
  const names = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u.name]));
  return (userId) => names.get(userId) ?? userId;
}

/** Supervisor review (DESIGN.md §3.9): batches, records, decisions, conflicts, duplicates. */
export function reviewRoutes(app: FastifyInstance): void {
  const { deps } = app;

  app.get(
    '/api/review/batches',
    { config: { access, doc: { summary: 'Lots reçus (filtres)', query: batchListQuerySchema } } },
    async (request) => {
      const auth = authOf(request);
      const q = parseInput(batchListQuerySchema, request.query, 'invalid_query');
      const to =
        q.to === undefined ? undefined : new Date(Date.parse(q.to) + 86_400_000).toISOString();
      const villageIds = await villagesFor(deps, auth, q.zone);
      return deps.store.read(async (tx) => {
        const page = await tx.sync.listBatches({
          villageIds,
          userId: q.userId,
          from: q.from,
          to,
          recordType: q.recordType,
          status: q.status,
          limit: q.limit,
          offset: q.offset,
        });
        const name = await namesOf(tx);
        return {
          total: page.total,
          rows: page.rows.map((b) => ({ ...b, userName: name(b.userId) })),
        };
      });
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
    async (request) => {
      const auth = authOf(request);
      const { batchNumber } = parseInput(batchParams, request.params, 'invalid_query');
      const scope = await auth.scope();
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
          batch: { ...batch, userName: (await namesOf(tx))(batch.userId) },
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
    },
  );

  app.get(
    '/api/review/records/:recordId',
    { config: { access, doc: { summary: 'Fiche, alertes et historique des versions' } } },
    async (request) => {
      const auth = authOf(request);
      const { recordId } = parseInput(recordParams, request.params, 'invalid_query');
      await auth.scope();
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
        return {
          record: { ...record, createdByName: name(record.createdBy) },
          versions: (await tx.sync.recordVersions(recordId)).map((v) => ({
            ...v,
            ...(v.userId === null ? {} : { userName: name(v.userId) }),
          })),
          decisions: (await tx.review.reviewDecisions(recordId)).map((d) => ({
            ...d,
            userName: name(d.userId),
          })),
          openConflictPaths: await tx.review.openConflictPaths(recordId),
          openTasks: await tx.review.openTasksOf(recordId),
        };
      });
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
    async (request) => {
      const { recordId } = parseInput(recordParams, request.params, 'invalid_query');
      const body = parseInput(decisionBodySchema, request.body);
      const [result] = await decide(deps, authOf(request), [recordId], body.decision, body.comment);
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
    async (request) => {
      const body = parseInput(bulkDecisionBodySchema, request.body);
      return {
        results: await decide(deps, authOf(request), body.recordIds, body.decision, body.comment),
      };
    },
  );

  app.get(
    '/api/review/conflicts',
    { config: { access, doc: { summary: 'File des conflits' } } },
    async (request) => {
      const auth = authOf(request);
      const q = parseInput(
        z.object({
          status: z.enum(['open', 'resolved']).optional(),
          zone: z.string().min(1).max(wireLimits.maxIdLength).optional(),
        }),
        request.query,
        'invalid_query',
      );
      const villageIds = await villagesFor(deps, auth, q.zone);
      return {
        conflicts: await deps.store.read((tx) =>
          tx.review.listConflicts({ villageIds, status: q.status ?? 'open' }),
        ),
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
    async (request) => {
      const auth = authOf(request);
      const { conflictId } = parseInput(conflictParams, request.params, 'invalid_query');
      await auth.scope();
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
      });
    },
  );

  app.post(
    '/api/review/conflicts/:conflictId/resolve',
    { config: { access, doc: { summary: 'Arbitrer un conflit', body: resolutionBodySchema } } },
    async (request) => {
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
    async (request) => {
      const auth = authOf(request);
      const q = parseInput(
        z.object({ zone: z.string().min(1).max(wireLimits.maxIdLength).optional() }),
        request.query,
        'invalid_query',
      );
      const villageIds = (await villagesFor(deps, auth, q.zone)) ?? 'all';
      return deps.store.read(async (tx) => {
        // Rejected records (e.g. merged duplicates) and groups a supervisor kept apart are not candidates.
        const records = (
          await tx.sync.recordsWhere({ type: householdRecordType, villageIds })
        ).filter((r) => r.reviewStatus !== 'rejected');
        const candidates = [];
        for (const c of findDuplicateHouseholds(records)) {
          let allKeptApart = true;
          for (const id of c.recordIds) {
            const decisions = await tx.review.reviewDecisions(id);
            if (!decisions.some((d) => d.decision === 'keep_both')) allKeptApart = false;
          }
          if (!allKeptApart) candidates.push(c);
        }
        return { candidates };
      });
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
    async (request) => {
      const auth = authOf(request);
      const body = parseInput(duplicateResolutionSchema, request.body);
      if (body.action === 'keep_both') {
        await auth.scope();
        return deps.store.write(async (tx) => {
          const at = deps.now().toISOString();
          for (const id of body.recordIds) {
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
      await auth.scope();
      await deps.store.read((tx) => visibleRecord(tx, auth, body.keepRecordId));
      // Both histories stay: the duplicates are rejected (not deleted) with the kept record named.
      const results = await decide(
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
