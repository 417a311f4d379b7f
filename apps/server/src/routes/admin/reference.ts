import type { FastifyInstance } from 'fastify';
import {
  beneficiaryHouseholdSchema,
  himoMicroprojectSchema,
  programSettingsSchema,
  villageSchema,
} from '@jigi/domain';
import {
  householdsPageSchema,
  householdsQuerySchema,
  microprojectsResponseSchema,
  settingsResponseSchema,
  villagesPageSchema,
  villagesQuerySchema,
} from '@jigi/contract';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import * as ref from '../../services/admin-reference';
import { adminOnly as access, pathId } from './params';

function sameId(pathValue: string, bodyValue: string, field: string): void {
  if (pathValue !== bodyValue)
    throw new AppError('invalid_body', {
      message: `Champ « ${field} » : doit être celui de l’adresse.`,
      details: { field, rule: 'equals_path' },
    });
}

/** Villages, beneficiary households, HIMO microprojects and programme settings. */
export function referenceRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get(
    '/api/admin/villages',
    {
      config: {
        access,
        doc: { summary: 'Villages', query: villagesQuerySchema, response: villagesPageSchema },
      },
    },
    (request) =>
      ref.listVillages(deps, parseInput(villagesQuerySchema, request.query, 'invalid_query')),
  );
  app.put(
    '/api/admin/villages/:villageId',
    {
      config: {
        access,
        doc: {
          summary: 'Créer ou modifier un village',
          body: villageSchema,
          response: villageSchema,
        },
      },
    },
    (request) => {
      const village = parseInput(villageSchema, request.body);
      sameId(pathId(request.params, 'villageId'), village.id, 'id');
      return ref.putVillage(deps, authOf(request).user.id, village);
    },
  );

  app.get(
    '/api/admin/households',
    {
      config: {
        access,
        doc: {
          summary: 'Ménages bénéficiaires',
          query: householdsQuerySchema,
          response: householdsPageSchema,
        },
      },
    },
    (request) =>
      ref.listHouseholds(deps, parseInput(householdsQuerySchema, request.query, 'invalid_query')),
  );
  app.put(
    '/api/admin/households/:householdId',
    {
      config: {
        access,
        doc: {
          summary: 'Créer ou modifier un ménage bénéficiaire',
          body: beneficiaryHouseholdSchema,
          response: beneficiaryHouseholdSchema,
        },
      },
    },
    (request) => {
      const household = parseInput(beneficiaryHouseholdSchema, request.body);
      sameId(pathId(request.params, 'householdId'), household.id, 'id');
      return ref.putHousehold(deps, authOf(request).user.id, household);
    },
  );

  app.get(
    '/api/admin/microprojects',
    {
      config: {
        access,
        doc: { summary: 'Microprojets HIMO', response: microprojectsResponseSchema },
      },
    },
    () => ref.listMicroprojects(deps),
  );
  app.put(
    '/api/admin/microprojects/:microprojectId',
    {
      config: {
        access,
        doc: {
          summary: 'Créer ou modifier un microprojet',
          body: himoMicroprojectSchema,
          response: himoMicroprojectSchema,
        },
      },
    },
    (request) => {
      const project = parseInput(himoMicroprojectSchema, request.body);
      sameId(pathId(request.params, 'microprojectId'), project.projectId, 'projectId');
      return ref.putMicroproject(deps, authOf(request).user.id, project);
    },
  );

  app.get(
    '/api/admin/settings',
    {
      config: {
        access,
        doc: {
          summary: 'Paramètres du programme, avec qui a changé quoi et quand',
          response: settingsResponseSchema,
        },
      },
    },
    () => ref.programSettings(deps),
  );
  app.put(
    '/api/admin/settings',
    {
      config: {
        access,
        doc: {
          summary: 'Modifier les paramètres du programme',
          body: programSettingsSchema,
          response: settingsResponseSchema,
        },
      },
    },
    (request) =>
      ref.putProgramSettings(
        deps,
        authOf(request).user.id,
        parseInput(programSettingsSchema, request.body),
      ),
  );
}
