import type { FastifyInstance } from 'fastify';
import { himoMicroprojectSchema, programSettingsSchema, villageSchema } from '@jigi/domain';
import { importSummarySchema, userRoles, wireLimits } from '@jigi/sync';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { IMPORT_MAX_FILE_BYTES, importExportFile } from '../../services/export-import';
import { importHouseholds, importVillages } from '../../services/imports';
import { hashPassword } from '../../services/passwords';
import {
  currentSettings,
  saveMicroproject,
  saveSettings,
  saveVillage,
} from '../../services/reference';
import type { UserRow } from '../../storage/repository';

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
  const { repo } = deps;
  const audit = (userId: string, action: string, entity: string, entityId: string | null) => {
    repo.audit({ at: deps.now().toISOString(), userId, action, entity, entityId, details: null });
  };

  app.get('/api/admin/users', { config: { access, doc: { summary: 'Comptes' } } }, () => ({
    users: repo.listUsers().map(publicUser),
  }));

  app.post(
    '/api/admin/users',
    { config: { access, doc: { summary: 'Créer un compte', body: newUserSchema } } },
    async (request, reply) => {
      const body = parseInput(newUserSchema, request.body);
      if (repo.userByLogin(body.login) !== undefined)
        throw new AppError('already_exists', {
          message: `Le login « ${body.login} » existe déjà.`,
          details: { field: 'login' },
        });
      const user: UserRow = {
        id: deps.newId(),
        login: body.login,
        name: body.name,
        role: body.role,
        zones: body.zones,
        active: true,
        passwordHash: await hashPassword(body.password),
        createdAt: deps.now().toISOString(),
      };
      repo.transaction(() => {
        repo.insertUser(user);
        audit(authOf(request).user.id, 'user.create', 'user', user.id);
      });
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
      if (repo.userById(userId) === undefined)
        throw new AppError('not_found', { details: { userId } });
      const passwordHash =
        body.password === undefined ? undefined : await hashPassword(body.password);
      repo.transaction(() => {
        repo.updateUser(userId, {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.role === undefined ? {} : { role: body.role }),
          ...(body.zones === undefined ? {} : { zones: body.zones }),
          ...(body.active === undefined ? {} : { active: body.active }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
        });
        audit(authOf(request).user.id, 'user.update', 'user', userId);
      });
      const updated = repo.userById(userId);
      if (updated === undefined) throw new Error(`user ${userId} vanished`);
      return publicUser(updated);
    },
  );

  app.get('/api/admin/devices', { config: { access, doc: { summary: 'Tablettes' } } }, () => ({
    devices: repo.listDevices(),
  }));

  app.post(
    '/api/admin/devices/:deviceId/revoke',
    { config: { access, doc: { summary: 'Révoquer une tablette (perdue)' } } },
    (request) => {
      const { deviceId } = parseInput(idParam('deviceId'), request.params, 'invalid_query') as {
        deviceId: string;
      };
      if (repo.deviceById(deviceId) === undefined)
        throw new AppError('not_found', { details: { deviceId } });
      repo.transaction(() => {
        repo.revokeDevice(deviceId, deps.now().toISOString());
        audit(authOf(request).user.id, 'device.revoke', 'device', deviceId);
      });
      return repo.deviceById(deviceId);
    },
  );

  app.get('/api/admin/villages', { config: { access, doc: { summary: 'Villages' } } }, () => ({
    villages: repo.listVillages().map((v) => ({ ...v.data, version: v.version })),
  }));
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
      repo.transaction(() => {
        saveVillage(deps, village, authOf(request).user.id);
      });
      return repo.villageById(villageId)?.data;
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
    (request) => {
      const { villageId } = parseInput(idParam('villageId'), request.query, 'invalid_query') as {
        villageId: string;
      };
      return {
        households: repo
          .listHouseholds([villageId])
          .map((h) => ({ ...h.data, version: h.version })),
      };
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
    () => ({
      microprojects: repo.listMicroprojects().map((m) => ({ ...m.data, version: m.version })),
    }),
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
      const unknown = project.villageIds.filter((v) => repo.villageById(v) === undefined);
      if (unknown.length > 0)
        throw new AppError('invalid_body', {
          message: `Champ « villageIds » : village(s) inconnu(s) ${unknown.join(', ')}.`,
          details: { field: 'villageIds' },
        });
      repo.transaction(() => {
        saveMicroproject(deps, project, authOf(request).user.id);
      });
      return repo.microprojectById(microprojectId)?.data;
    },
  );

  app.get(
    '/api/admin/settings',
    { config: { access, doc: { summary: 'Paramètres du programme' } } },
    () => currentSettings(deps) ?? null,
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
      repo.transaction(() => {
        saveSettings(deps, settings, authOf(request).user.id);
      });
      return currentSettings(deps);
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
    (request) => {
      const { limit } = parseInput(
        z.object({ limit: z.coerce.number().int().min(1).max(5000).default(200) }),
        request.query,
        'invalid_query',
      );
      return { entries: repo.listAudit(limit) };
    },
  );
  app.get(
    '/api/admin/quarantine',
    { config: { access, doc: { summary: 'Modifications refusées (quarantaine)' } } },
    () => ({ entries: repo.listQuarantine() }),
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
