import { noBodySchema } from '../../plugins/no-body';
import type { FastifyInstance } from 'fastify';
import {
  adminDeviceSchema,
  adminUserSchema,
  devicesPageSchema,
  devicesQuerySchema,
  newUserSchema,
  userPatchSchema,
  usersPageSchema,
  usersQuerySchema,
} from '@jigi/contract';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import * as admin from '../../services/admin';
import { adminOnly as access, pathId } from './params';

/** Accounts (create, role and zones, deactivate, password reset) and tablets (list, revoke). */
export function accountRoutes(app: FastifyInstance): void {
  const { deps } = app;
  app.get(
    '/api/admin/users',
    {
      config: {
        access,
        doc: { summary: 'Comptes', query: usersQuerySchema, response: usersPageSchema },
      },
    },
    (request) =>
      admin.listUsers(deps, parseInput(usersQuerySchema, request.query, 'invalid_query')),
  );

  app.post(
    '/api/admin/users',
    {
      config: {
        access,
        doc: { summary: 'Créer un compte', body: newUserSchema, response: adminUserSchema },
      },
    },
    async (request, reply) => {
      const body = parseInput(newUserSchema, request.body);
      return reply.code(201).send(await admin.createUser(deps, authOf(request).user.id, body));
    },
  );

  app.patch(
    '/api/admin/users/:userId',
    {
      config: {
        access,
        doc: {
          summary: 'Modifier un compte (nom, rôle, zones, actif, nouveau mot de passe)',
          body: userPatchSchema,
          response: adminUserSchema,
        },
      },
    },
    (request) =>
      admin.updateUser(
        deps,
        authOf(request).user.id,
        pathId(request.params, 'userId'),
        parseInput(userPatchSchema, request.body),
      ),
  );

  app.get(
    '/api/admin/devices',
    {
      config: {
        access,
        doc: {
          summary: 'Tablettes (nommées pour leur utilisateur)',
          query: devicesQuerySchema,
          response: devicesPageSchema,
        },
      },
    },
    (request) =>
      admin.listDevices(deps, parseInput(devicesQuerySchema, request.query, 'invalid_query')),
  );

  app.post(
    '/api/admin/devices/:deviceId/revoke',
    {
      config: {
        access,
        doc: {
          summary: 'Révoquer une tablette (perdue)',
          body: noBodySchema,
          response: adminDeviceSchema,
        },
      },
    },
    (request) =>
      admin.revokeDevice(deps, authOf(request).user.id, pathId(request.params, 'deviceId')),
  );
}
