import type { FastifyInstance } from 'fastify';
import {
  batchDetailResponseSchema,
  batchListQuerySchema,
  batchListResponseSchema,
  batchParamsSchema,
  bulkDecisionBodySchema,
  bulkDecisionResponseSchema,
  conflictDetailResponseSchema,
  conflictListQuerySchema,
  conflictListResponseSchema,
  conflictParamsSchema,
  decisionBodySchema,
  decisionOutcomeSchema,
  duplicateListQuerySchema,
  duplicateListResponseSchema,
  duplicateResolutionBodySchema,
  duplicateResolutionResponseSchema,
  recordDetailResponseSchema,
  recordParamsSchema,
  resolutionBodySchema,
  resolutionResponseSchema,
} from '@jigi/contract';
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

/** Supervisor review (docs/decisions.md §3.9): batches, records, decisions, conflicts, duplicates. */
export function reviewRoutes(app: FastifyInstance): void {
  const { deps } = app;

  app.get(
    '/api/review/batches',
    {
      config: {
        access,
        doc: {
          summary: 'Lots reçus (filtres)',
          query: batchListQuerySchema,
          response: batchListResponseSchema,
        },
      },
    },
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
      const { batchNumber } = parseInput(batchParamsSchema, request.params, 'invalid_query');
      const scope = await auth.scope();
      return batchDetail(deps, auth, batchNumber, scope);
    },
  );

  app.get(
    '/api/review/records/:recordId',
    {
      config: {
        access,
        doc: {
          summary: 'Fiche, alertes et historique des versions',
          response: recordDetailResponseSchema,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const { recordId } = parseInput(recordParamsSchema, request.params, 'invalid_query');
      await auth.scope();
      return recordDetail(deps, auth, recordId);
    },
  );

  app.post(
    '/api/review/records/:recordId/decision',
    {
      config: {
        access,
        doc: {
          summary: 'Approuver, renvoyer ou rejeter une fiche',
          body: decisionBodySchema,
          response: decisionOutcomeSchema,
        },
      },
    },
    async (request) => {
      const { recordId } = parseInput(recordParamsSchema, request.params, 'invalid_query');
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
        doc: {
          summary: 'Décision en lot (tout ou rien)',
          body: bulkDecisionBodySchema,
          response: bulkDecisionResponseSchema,
        },
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
    {
      config: {
        access,
        doc: {
          summary: 'File des conflits',
          query: conflictListQuerySchema,
          response: conflictListResponseSchema,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const q = parseInput(conflictListQuerySchema, request.query, 'invalid_query');
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
        doc: {
          summary: 'Conflit : les deux valeurs, qui, quand, valeur de départ',
          response: conflictDetailResponseSchema,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const { conflictId } = parseInput(conflictParamsSchema, request.params, 'invalid_query');
      await auth.scope();
      return conflictDetail(deps, auth, conflictId);
    },
  );

  app.post(
    '/api/review/conflicts/:conflictId/resolve',
    {
      config: {
        access,
        doc: {
          summary: 'Arbitrer un conflit',
          body: resolutionBodySchema,
          response: resolutionResponseSchema,
        },
      },
    },
    async (request) => {
      const { conflictId } = parseInput(conflictParamsSchema, request.params, 'invalid_query');
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
    {
      config: {
        access,
        doc: {
          summary: 'Ménages possiblement en double',
          query: duplicateListQuerySchema,
          response: duplicateListResponseSchema,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const q = parseInput(duplicateListQuerySchema, request.query, 'invalid_query');
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
          body: duplicateResolutionBodySchema,
          response: duplicateResolutionResponseSchema,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const body = parseInput(duplicateResolutionBodySchema, request.body);
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
