import type { HimoMicroproject, ProgramSettings, Village } from '@jigi/domain';
import type { UserRole } from '@jigi/sync';
import { AppError } from '../errors/app-error';
import type { DeviceRow, UserRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { hashPassword } from './passwords';
import { currentSettings, saveMicroproject, saveSettings, saveVillage } from './reference';

// Administration (accounts, tablets, reference data, settings, audit, quarantine): each operation in
// one transaction of its own, with its audit entry in the same write.

export type NewUser = {
  login: string;
  name: string;
  role: UserRole;
  zones: string[];
  password: string;
};
export type UserChanges = {
  name?: string | undefined;
  role?: UserRole | undefined;
  zones?: string[] | undefined;
  password?: string | undefined;
  active?: boolean | undefined;
};

function audit(tx: Tx, deps: Deps, actorId: string, action: string, entity: string, id: string) {
  return tx.audit.append({
    at: deps.now().toISOString(),
    userId: actorId,
    action,
    entity,
    entityId: id,
    details: null,
  });
}

export function listUsers(deps: Deps): Promise<UserRow[]> {
  return deps.store.read((tx) => tx.accounts.listUsers());
}

export async function createUser(deps: Deps, actorId: string, body: NewUser): Promise<UserRow> {
  // Hashed before the write opens: scrypt takes tens of milliseconds on purpose.
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
  return deps.store.write(async (tx) => {
    if ((await tx.accounts.userByLogin(body.login)) !== undefined)
      throw new AppError('already_exists', {
        message: `Le login « ${body.login} » existe déjà.`,
        details: { field: 'login' },
      });
    await tx.accounts.insertUser(user);
    await audit(tx, deps, actorId, 'user.create', 'user', user.id);
    return user;
  });
}

export async function updateUser(
  deps: Deps,
  actorId: string,
  userId: string,
  body: UserChanges,
): Promise<UserRow> {
  const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
  return deps.store.write(async (tx) => {
    if ((await tx.accounts.userById(userId)) === undefined)
      throw new AppError('not_found', { details: { userId } });
    await tx.accounts.updateUser(userId, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.role === undefined ? {} : { role: body.role }),
      ...(body.zones === undefined ? {} : { zones: body.zones }),
      ...(body.active === undefined ? {} : { active: body.active }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
    await audit(tx, deps, actorId, 'user.update', 'user', userId);
    const updated = await tx.accounts.userById(userId);
    if (updated === undefined) throw new Error(`user ${userId} vanished`);
    return updated;
  });
}

export function listDevices(deps: Deps): Promise<DeviceRow[]> {
  return deps.store.read((tx) => tx.accounts.listDevices());
}

export function revokeDevice(deps: Deps, actorId: string, deviceId: string): Promise<DeviceRow> {
  return deps.store.write(async (tx) => {
    if ((await tx.accounts.deviceById(deviceId)) === undefined)
      throw new AppError('not_found', { details: { deviceId } });
    await tx.accounts.revokeDevice(deviceId, deps.now().toISOString());
    await audit(tx, deps, actorId, 'device.revoke', 'device', deviceId);
    const device = await tx.accounts.deviceById(deviceId);
    if (device === undefined) throw new Error(`device ${deviceId} vanished`);
    return device;
  });
}

export function listVillages(deps: Deps) {
  return deps.store.read(async (tx) =>
    (await tx.reference.listVillages()).map((v) => ({ ...v.data, version: v.version })),
  );
}

export function putVillage(deps: Deps, actorId: string, village: Village) {
  return deps.store.write(async (tx) => {
    await saveVillage(tx, deps, village, actorId);
    return (await tx.reference.villageById(village.id))?.data;
  });
}

export function listHouseholds(deps: Deps, villageId: string) {
  return deps.store.read(async (tx) =>
    (await tx.reference.listHouseholds([villageId])).map((h) => ({
      ...h.data,
      version: h.version,
    })),
  );
}

export function listMicroprojects(deps: Deps) {
  return deps.store.read(async (tx) =>
    (await tx.reference.listMicroprojects()).map((m) => ({ ...m.data, version: m.version })),
  );
}

export function putMicroproject(deps: Deps, actorId: string, project: HimoMicroproject) {
  return deps.store.write(async (tx) => {
    const unknown: string[] = [];
    for (const v of project.villageIds)
      if ((await tx.reference.villageById(v)) === undefined) unknown.push(v);
    if (unknown.length > 0)
      throw new AppError('invalid_body', {
        message: `Champ « villageIds » : village(s) inconnu(s) ${unknown.join(', ')}.`,
        details: { field: 'villageIds' },
      });
    await saveMicroproject(tx, deps, project, actorId);
    return (await tx.reference.microprojectById(project.projectId))?.data;
  });
}

export function programSettings(deps: Deps): Promise<ProgramSettings | undefined> {
  return deps.store.read((tx) => currentSettings(tx));
}

export function putProgramSettings(deps: Deps, actorId: string, settings: ProgramSettings) {
  return deps.store.write(async (tx) => {
    await saveSettings(tx, deps, settings, actorId);
    return currentSettings(tx);
  });
}

export function auditEntries(deps: Deps, limit: number) {
  return deps.store.read((tx) => tx.audit.recent(limit));
}

export function quarantineEntries(deps: Deps) {
  return deps.store.read((tx) => tx.sync.listQuarantine());
}
