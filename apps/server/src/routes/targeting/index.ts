import { noBodySchema } from '../../plugins/no-body';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import * as targeting from '../../services/targeting';
import { FORMULA_ROLES, SCORE_ROLES } from '../../features/targeting/targeting-access';
import {
  computeScoresBodySchema,
  enrolBodySchema,
  enrolmentResponseSchema,
  householdFileSchema,
  targetingHouseholdParam,
  stateChangeBodySchema,
  enrolmentOutcomeSchema,
  publishAssemblyBodySchema,
  rsuChangesQuerySchema,
  publishedAssemblySchema,
  villageRegisterSchema,
  currentFormulaSchema,
  formulaDetailSchema,
  formulaListSchema,
  targetingFormulaParam,
  targetingRecordParam,
  recordScoresSchema,
  scoreComputationSchema,
  targetingVillageParam,
  villageRankingSchema,
} from '@jigi/contract';

const formulaAccess = { auth: 'user', roles: FORMULA_ROLES } as const;
const scoreAccess = { auth: 'user', roles: SCORE_ROLES } as const;
/** An uploaded formula is JSON; its own schema is checked by the service, field by field. */
const formulaUploadSchema = z.record(z.string(), z.unknown());

/**
 * `/api/targeting`: PMT formulas (administrators), scores and the ranked list of a village
 * (administrators, supervisors of the village's zones). No field role and no tablet token reaches
 * any of them (targeting-access.ts).
 */
export function targetingRoutes(app: FastifyInstance): void {
  const { deps } = app;

  app.get(
    '/api/targeting/formulas',
    {
      config: {
        access: formulaAccess,
        doc: { summary: 'Versions de la formule PMT', response: formulaListSchema },
      },
    },
    () => targeting.listFormulas(deps),
  );

  app.get(
    '/api/targeting/formulas/current',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary: 'Formule PMT en vigueur (sans ses coefficients)',
          response: currentFormulaSchema,
        },
      },
    },
    () => targeting.currentFormula(deps),
  );

  app.get(
    '/api/targeting/formulas/:version',
    {
      config: {
        access: formulaAccess,
        doc: {
          summary: 'Une version de la formule PMT, coefficients compris',
          response: formulaDetailSchema,
        },
      },
    },
    (request) => {
      const { version } = parseInput(targetingFormulaParam, request.params, 'invalid_query');
      return targeting.formulaDetail(deps, version);
    },
  );

  app.post(
    '/api/targeting/formulas',
    {
      config: {
        access: formulaAccess,
        doc: {
          summary: 'Téléverser une nouvelle version de la formule PMT',
          body: formulaUploadSchema,
          response: formulaDetailSchema,
        },
      },
    },
    async (request, reply) => {
      const body = parseInput(formulaUploadSchema, request.body);
      const result = await targeting.uploadFormulaVersion(deps, authOf(request), body);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/targeting/formulas/:version/adopt',
    {
      config: {
        access: formulaAccess,
        doc: {
          summary:
            'Adopter une version : elle devient la formule en vigueur et score tous les ménages approuvés',
          body: noBodySchema,
          response: scoreComputationSchema,
        },
      },
    },
    (request) => {
      const { version } = parseInput(targetingFormulaParam, request.params, 'invalid_query');
      return targeting.adoptFormulaVersion(deps, authOf(request), version);
    },
  );

  app.post(
    '/api/targeting/scores/compute',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Scorer les ménages approuvés pas encore scorés (un village, ou toutes vos zones)',
          body: computeScoresBodySchema,
          response: scoreComputationSchema,
        },
      },
    },
    (request) => {
      const body = parseInput(computeScoresBodySchema, request.body ?? {});
      return targeting.computeScores(deps, authOf(request), body.villageId);
    },
  );

  app.get(
    '/api/targeting/villages/:villageId/ranking',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Liste classée d’un village contre son quota, et les ménages exclus avec leur motif',
          response: villageRankingSchema,
        },
      },
    },
    (request) => {
      const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
      return targeting.rankingOf(deps, authOf(request), villageId);
    },
  );

  app.get(
    '/api/targeting/records/:recordId/scores',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Historique des scores d’un ménage (toutes versions de la formule et de la fiche)',
          response: recordScoresSchema,
        },
      },
    },
    (request) => {
      const { recordId } = parseInput(targetingRecordParam, request.params, 'invalid_query');
      return targeting.recordScoreHistory(deps, authOf(request), recordId);
    },
  );

  app.post(
    '/api/targeting/villages/:villageId/assembly',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Publier la liste classée (noms seulement) pour l’assemblée villageoise, confiée à un animateur',
          body: publishAssemblyBodySchema,
          response: publishedAssemblySchema,
        },
      },
    },
    async (request, reply) => {
      const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
      const body = parseInput(publishAssemblyBodySchema, request.body);
      const result = await targeting.publishVillageAssembly(
        deps,
        authOf(request),
        villageId,
        body.assigneeId,
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/targeting/villages/:villageId/enrolment',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary: 'Inscrire au registre les ménages validés par une assemblée approuvée',
          body: enrolBodySchema,
          response: enrolmentOutcomeSchema,
        },
      },
    },
    (request) => {
      const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
      const body = parseInput(enrolBodySchema, request.body);
      return targeting.enrolVillage(deps, authOf(request), villageId, body.assemblyRecordId);
    },
  );

  app.get(
    '/api/targeting/villages/:villageId/register',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary: 'Registre des ménages bénéficiaires du village',
          response: villageRegisterSchema,
        },
      },
    },
    (request) => {
      const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
      return targeting.villageRegister(deps, authOf(request), villageId);
    },
  );

  app.get(
    '/api/targeting/villages/:villageId/assembly.pdf',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Liste imprimable (PDF) de la dernière liste publiée du village, pour une assemblée sans tablette',
          download: ['application/pdf'],
        },
      },
    },
    async (request, reply) => {
      const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
      const { pdf } = await targeting.printableVillageList(deps, authOf(request), villageId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="liste-${villageId}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/targeting/villages/:villageId/register/:householdId/state',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary: 'Suspendre, rétablir ou sortir un ménage du registre (motif de sortie requis)',
          body: stateChangeBodySchema,
          response: enrolmentResponseSchema,
        },
      },
    },
    (request) => {
      const { villageId, householdId } = parseInput(
        targetingHouseholdParam,
        request.params,
        'invalid_query',
      );
      const body = parseInput(stateChangeBodySchema, request.body);
      return targeting.changeRegisterState(deps, authOf(request), {
        villageId,
        householdId,
        state: body.state,
        ...(body.exitReason === undefined ? {} : { exitReason: body.exitReason }),
      });
    },
  );

  for (const what of ['households', 'changes'] as const)
    app.get(
      `/api/targeting/villages/:villageId/rsu-${what}.csv`,
      {
        config: {
          access: scoreAccess,
          doc: {
            summary:
              what === 'households'
                ? 'Export RSU (format versionné) des ménages inscrits du village'
                : 'Export RSU (format versionné) des changements du registre du village',
            ...(what === 'changes' ? { query: rsuChangesQuerySchema } : {}),
            download: ['text/csv'],
          },
        },
      },
      async (request, reply) => {
        const { villageId } = parseInput(targetingVillageParam, request.params, 'invalid_query');
        const { since } = parseInput(rsuChangesQuerySchema, request.query, 'invalid_query');
        const csv = await targeting.rsuExport(deps, authOf(request), villageId, what, since);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="rsu-v1-${what}-${villageId}.csv"`)
          .send(csv);
      },
    );

  app.get(
    '/api/targeting/records/:recordId/household',
    {
      config: {
        access: scoreAccess,
        doc: {
          summary:
            'Dossier d’un ménage : enquête, scores, assemblées, inscription, MA, HIMO et PNP',
          response: householdFileSchema,
        },
      },
    },
    (request) => {
      const { recordId } = parseInput(targetingRecordParam, request.params, 'invalid_query');
      return targeting.householdFileOf(deps, authOf(request), recordId);
    },
  );
}
