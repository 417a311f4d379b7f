import type { FastifyInstance } from 'fastify';
import { himoMicroprojectSchema, programSettingsSchema, villageSchema } from '@jigi/domain';
import { importSummarySchema, userRoles, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { IMPORT_MAX_FILE_BYTES, importExportFile } from '../../services/export-import';
import { importHouseholds, importVillages } from '../../services/imports';
import * as admin from '../../services/admin';
import type { UserRow } from '../../storage/rows';

const access = { auth: 'user', roles: ['admin'] } as const;
const zonesSchema = z
  .array(z.string().trim().min(1).max(wireLimits.maxIdLength))
  .max(wireLimits.maxZones);
export const newUserSchema = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'login : 3 à 40 caractères parmi a-z, 0-9, . _ -'),
  name: z.string().trim().min(1).max(wireLimits.maxShortString),
  role: z.enum(userRoles),
  zones: zonesSchema,
  password: z
    .string()
    .min(8, 'mot de passe : 8 caractères au moins')
    .max(wireLimits.maxShortString),
});
export const userPatchSchema = newUserSchema
  .omit({ login: true })
  .partial()
  .extend({ active: z.boolean().optional() });
const idParam = (name: string) =>
  z.object({ [name]: z.string().min(1).max(wireLimits.maxIdLength) });
const CSV_LIMIT = 20_000_000;

function publicUser(u: UserRow) {
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    zones: u.zones,
    active: u.active,
    createdAt: u.createdAt,
  };
}

/** Administration: accounts, tablets, reference data, settings, audit and quarantine. */
export function adminRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get('/api/admin/users', { config: { access, doc: { summary: 'Comptes' } } }, async () => ({
    users: (await admin.listUsers(deps)).map(publicUser),
  }));

  app.post(
    '/api/admin/users',
    { config: { access, doc: { summary: 'Créer un compte', body: newUserSchema } } },
    async (request, reply) => {
      const body = parseInput(newUserSchema, request.body);
      const user = await admin.createUser(deps, authOf(request).user.id, body);
      return reply.code(201).send(publicUser(user));
    },
  );

  app.patch(
    '/api/admin/users/:userId',
    {
      config: {
        access,
        doc: {
          summary: 'Modifier un compte (rôle, zones, actif, mot de passe)',
          body: userPatchSchema,
        },
      },
    },
    async (request) => {
      const { userId } = parseInput(idParam('userId'), request.params, 'invalid_query') as {
        userId: string;
      };
      const body = parseInput(userPatchSchema, request.body);
      const updated = await admin.updateUser(deps, authOf(request).user.id, userId, body);
      return publicUser(updated);
    },
  );

  app.get(
    '/api/admin/devices',
    { config: { access, doc: { summary: 'Tablettes' } } },
    async () => ({
      devices: await admin.listDevices(deps),
    }),
  );

  app.post(
    '/api/admin/devices/:deviceId/revoke',
    { config: { access, doc: { summary: 'Révoquer une tablette (perdue)' } } },
    (request) => {
      const { deviceId } = parseInput(idParam('deviceId'), request.params, 'invalid_query') as {
        deviceId: string;
      };
      return admin.revokeDevice(deps, authOf(request).user.id, deviceId);
    },
  );

  app.get(
    '/api/admin/villages',
    { config: { access, doc: { summary: 'Villages' } } },
    async () => ({
      villages: await admin.listVillages(deps),
    }),
  );
  app.put(
    '/api/admin/villages/:villageId',
    { config: { access, doc: { summary: 'Créer ou modifier un village', body: villageSchema } } },
    (request) => {
      const { villageId } = parseInput(idParam('villageId'), request.params, 'invalid_query') as {
        villageId: string;
      };
      const village = parseInput(villageSchema, request.body);
      if (village.id !== villageId)
        throw new AppError('invalid_body', {
          message: 'Champ « id » : doit être celui de l’adresse.',
          details: { field: 'id' },
        });
      return admin.putVillage(deps, authOf(request).user.id, village);
    },
  );
  app.post(
    '/api/admin/villages/import',
    {
      config: {
        access,
        doc: {
          summary: 'Importer des villages (CSV id,name,communeCode,pnp,quota)',
          upload: ['text/csv'],
        },
      },
      bodyLimit: CSV_LIMIT,
    },
    (request) => importVillages(deps, csvText(request.body), authOf(request).user.id),
  );

  app.get(
    '/api/admin/households',
    { config: { access, doc: { summary: 'Ménages bénéficiaires d’un village' } } },
    async (request) => {
      const { villageId } = parseInput(idParam('villageId'), request.query, 'invalid_query') as {
        villageId: string;
      };
      return { households: await admin.listHouseholds(deps, villageId) };
    },
  );
  app.post(
    '/api/admin/households/import',
    {
      config: {
        access,
        doc: {
          summary:
            'Importer des ménages bénéficiaires (CSV id,villageId,householdCode,headName,titulaireName)',
          upload: ['text/csv'],
        },
      },
      bodyLimit: CSV_LIMIT,
    },
    (request) => importHouseholds(deps, csvText(request.body), authOf(request).user.id),
  );

  app.get(
    '/api/admin/microprojects',
    { config: { access, doc: { summary: 'Microprojets HIMO' } } },
    async () => ({ microprojects: await admin.listMicroprojects(deps) }),
  );
  app.put(
    '/api/admin/microprojects/:microprojectId',
    {
      config: {
        access,
        doc: { summary: 'Créer ou modifier un microprojet', body: himoMicroprojectSchema },
      },
    },
    (request) => {
      const { microprojectId } = parseInput(
        idParam('microprojectId'),
        request.params,
        'invalid_query',
      ) as { microprojectId: string };
      const project = parseInput(himoMicroprojectSchema, request.body);
      if (project.projectId !== microprojectId)
        throw new AppError('invalid_body', {
          message: 'Champ « projectId » : doit être celui de l’adresse.',
          details: { field: 'projectId' },
        });
      return admin.putMicroproject(deps, authOf(request).user.id, project);
    },
  );

  app.get(
    '/api/admin/settings',
    { config: { access, doc: { summary: 'Paramètres du programme' } } },
    async () => (await admin.programSettings(deps)) ?? null,
  );
  app.put(
    '/api/admin/settings',
    {
      config: {
        access,
        doc: { summary: 'Modifier les paramètres du programme', body: programSettingsSchema },
      },
    },
    (request) => {
      const settings = parseInput(programSettingsSchema, request.body);
      return admin.putProgramSettings(deps, authOf(request).user.id, settings);
    },
  );

  app.post(
    '/api/admin/imports',
    {
      config: {
        access,
        doc: {
          summary: 'Importer le fichier d’export d’une tablette (.json.gz tel quel)',
          upload: ['application/octet-stream', 'application/gzip'],
          response: importSummarySchema,
        },
      },
      bodyLimit: IMPORT_MAX_FILE_BYTES,
    },
    (request) => importExportFile(deps, fileBytes(request.body), authOf(request).user.id),
  );

  app.get(
    '/api/admin/audit',
    { config: { access, doc: { summary: 'Journal d’audit' } } },
    async (request) => {
      const { limit } = parseInput(
        z.object({ limit: z.coerce.number().int().min(1).max(5000).default(200) }),
        request.query,
        'invalid_query',
      );
      return { entries: await admin.auditEntries(deps, limit) };
    },
  );
  app.get(
    '/api/admin/quarantine',
    { config: { access, doc: { summary: 'Modifications refusées (quarantaine)' } } },
    async () => ({ entries: await admin.quarantineEntries(deps) }),
  );
}

function fileBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body))
    throw new AppError('unsupported_media_type', {
      message:
        'Envoyez le fichier d’export tel quel, avec Content-Type: application/octet-stream (ou application/gzip).',
    });
  return body;
}

function csvText(body: unknown): string {
  if (typeof body !== 'string')
    throw new AppError('unsupported_media_type', {
      message: 'Envoyez le fichier avec Content-Type: text/csv.',
    });
  return body;
}
