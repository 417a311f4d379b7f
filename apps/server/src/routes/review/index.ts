import type { FastifyInstance } from 'fastify';
import { recordTypes } from '@jigi/domain';
import { jsonObjectSchema, jsonSchema, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { decide, resolve } from '../../services/review';
import {
  assertVisibleRecord,
  batchDetail,
  batchPage,
  conflictDetail,
  duplicateCandidates,
  keepBoth,
  listConflicts,
  recordDetail,
} from '../../services/review-reads';
import { villagesFor } from '../../services/scope';

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

/** Supervisor review (docs/decisions.md §3.9): batches, records, decisions, conflicts, duplicates. */
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
      return batchPage(deps, {
        villageIds,
        userId: q.userId,
        from: q.from,
        to,
        recordType: q.recordType,
        status: q.status,
        limit: q.limit,
        offset: q.offset,
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
      return batchDetail(deps, auth, batchNumber, scope);
    },
  );

  app.get(
    '/api/review/records/:recordId',
    { config: { access, doc: { summary: 'Fiche, alertes et historique des versions' } } },
    async (request) => {
      const auth = authOf(request);
      const { recordId } = parseInput(recordParams, request.params, 'invalid_query');
      await auth.scope();
      return recordDetail(deps, auth, recordId);
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
        conflicts: await listConflicts(deps, villageIds, q.status ?? 'open'),
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
      return conflictDetail(deps, auth, conflictId);
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
      return duplicateCandidates(deps, villageIds);
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
        return keepBoth(deps, auth, body.recordIds);
      }
      if (!body.recordIds.includes(body.keepRecordId))
        throw new AppError('invalid_body', {
          message: 'Champ « keepRecordId » : doit être l’une des fiches du groupe.',
          details: { field: 'keepRecordId' },
        });
      const others = body.recordIds.filter((id) => id !== body.keepRecordId);
      await assertVisibleRecord(deps, auth, body.keepRecordId);
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
