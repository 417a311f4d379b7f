import { searchKey } from '@jigi/domain';
import type {
  AdminDevice,
  AdminUser,
  DevicesPage,
  DevicesQuery,
  NewUser,
  UserPatch,
  UsersPage,
  UsersQuery,
} from '@jigi/contract';
import { AppError } from '../errors/app-error';
import type { DeviceRow, UserRow, VillageRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import { hashPassword } from './passwords';
import { unknownZones, zonesOf } from './zone-labels';

// Accounts and tablets: each change in one transaction of its own, with its audit entry in the same
// write. Lists are filtered and paged here (a programme has hundreds of accounts, not millions).

type Paged = { offset: number; limit: number };

export function audit(
  tx: Tx,
  deps: Deps,
  actorId: string,
  action: string,
  entity: string,
  id: string,
  details: unknown = null,
) {
  return tx.audit.append({
    at: deps.now().toISOString(),
    userId: actorId,
    action,
    entity,
    entityId: id,
    details: details as never,
  });
}

async function villageMap(tx: Tx): Promise<Map<string, VillageRow>> {
  return new Map((await tx.reference.listVillages()).map((v) => [v.id, v]));
}

function adminUser(u: UserRow, villages: ReadonlyMap<string, VillageRow>): AdminUser {
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    zones: zonesOf(u.zones, villages),
    active: u.active,
    createdAt: u.createdAt,
  };
}

const matches = (q: string | undefined, ...texts: string[]) =>
  q === undefined || q === '' || texts.some((t) => searchKey(t).includes(searchKey(q)));

function page<T>(rows: T[], p: Paged) {
  return { rows: rows.slice(p.offset, p.offset + p.limit), total: rows.length };
}

export function listUsers(deps: Deps, query: UsersQuery & Paged): Promise<UsersPage> {
  return deps.store.read(async (tx) => {
    const villages = await villageMap(tx);
    const users = (await tx.accounts.listUsers())
      .filter((u) => matches(query.q, u.name, u.login))
      .filter((u) => query.role === undefined || u.role === query.role)
      .filter((u) => query.active === undefined || String(u.active) === query.active)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return page(
      users.map((u) => adminUser(u, villages)),
      query,
    );
  });
}

function checkZones(
  codes: readonly string[] | undefined,
  villages: ReadonlyMap<string, VillageRow>,
) {
  const unknown = unknownZones(codes ?? [], villages);
  if (unknown.length > 0)
    throw new AppError('invalid_body', {
      message: `Champ « zones » : zone inconnue ${unknown.map((z) => `« ${z} »`).join(', ')} (choisissez-la dans la liste).`,
      details: { field: 'zones', rule: 'known_zone', unknown },
    });
}

export async function createUser(deps: Deps, actorId: string, body: NewUser): Promise<AdminUser> {
  // Hashed before the write opens: scrypt takes tens of milliseconds on purpose.
  const user: UserRow = {
    id: deps.newId(),
    login: body.login,
    name: body.name,
    role: body.role,
    zones: [...new Set(body.zones)],
    active: true,
    passwordHash: await hashPassword(body.password),
    createdAt: deps.now().toISOString(),
  };
  return deps.store.write(async (tx) => {
    const villages = await villageMap(tx);
    checkZones(user.zones, villages);
    if ((await tx.accounts.userByLogin(body.login)) !== undefined)
      throw new AppError('already_exists', {
        message: `Le login « ${body.login} » existe déjà.`,
        details: { field: 'login' },
      });
    await tx.accounts.insertUser(user);
    await audit(tx, deps, actorId, 'user.create', 'user', user.id, {
      login: user.login,
      role: user.role,
      zones: user.zones,
    });
    return adminUser(user, villages);
  });
}

export async function updateUser(
  deps: Deps,
  actorId: string,
  userId: string,
  body: UserPatch,
): Promise<AdminUser> {
  const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
  return deps.store.write(async (tx) => {
    const before = await tx.accounts.userById(userId);
    if (before === undefined) throw new AppError('not_found', { details: { userId } });
    const villages = await villageMap(tx);
    checkZones(body.zones, villages);
    if (userId === actorId && (body.active === false || (body.role ?? 'admin') !== 'admin'))
      throw new AppError('invalid_body', {
        message:
          'Vous ne pouvez ni désactiver votre propre compte ni lui retirer le rôle administrateur.',
        details: { field: body.active === false ? 'active' : 'role', rule: 'not_self' },
      });
    const zones = body.zones === undefined ? undefined : [...new Set(body.zones)];
    await tx.accounts.updateUser(userId, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.role === undefined ? {} : { role: body.role }),
      ...(zones === undefined ? {} : { zones }),
      ...(body.active === undefined ? {} : { active: body.active }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
    // What changed, never the password itself: the log says a reset happened.
    const changed = Object.fromEntries(
      (['name', 'role', 'zones', 'active'] as const)
        .filter(
          (k) => body[k] !== undefined && JSON.stringify(body[k]) !== JSON.stringify(before[k]),
        )
        .map((k) => [k, { before: before[k], after: k === 'zones' ? zones : body[k] }]),
    );
    await audit(
      tx,
      deps,
      actorId,
      body.password === undefined ? 'user.update' : 'user.password_reset',
      'user',
      userId,
      { ...changed, ...(body.password === undefined ? {} : { password: 'réinitialisé' }) },
    );
    const updated = await tx.accounts.userById(userId);
    if (updated === undefined) throw new Error(`user ${userId} vanished`);
    return adminUser(updated, villages);
  });
}

/**
 * Tablets named for their user, numbered in the order that user registered them: « Tablette de Awa
 * Traoré n° 2 ». The number never changes (a revoked tablet keeps its own).
 */
export function devicesWithNames(
  devices: readonly DeviceRow[],
  users: ReadonlyMap<string, UserRow>,
) {
  const rank = new Map<string, number>();
  const perUser = new Map<string, number>();
  for (const d of [...devices].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )) {
    const n = (perUser.get(d.userId) ?? 0) + 1;
    perUser.set(d.userId, n);
    rank.set(d.id, n);
  }
  return devices.map((d) => ({
    device: d,
    name: `Tablette de ${users.get(d.userId)?.name ?? d.userId} n° ${String(rank.get(d.id) ?? 1)}`,
  }));
}

export async function deviceNames(tx: Tx): Promise<Map<string, string>> {
  const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u]));
  return new Map(
    devicesWithNames(await tx.accounts.listDevices(), users).map((d) => [d.device.id, d.name]),
  );
}

async function adminDevices(tx: Tx): Promise<AdminDevice[]> {
  const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u]));
  const rejections = new Map<string, number>();
  for (const q of await tx.sync.listQuarantine())
    rejections.set(q.deviceId, (rejections.get(q.deviceId) ?? 0) + 1);
  return devicesWithNames(await tx.accounts.listDevices(), users).map(({ device: d, name }) => ({
    id: d.id,
    name,
    label: d.label,
    userId: d.userId,
    userName: users.get(d.userId)?.name ?? d.userId,
    userLogin: users.get(d.userId)?.login ?? '',
    registeredAt: d.createdAt,
    lastSyncAt: d.lastSeenAt,
    revokedAt: d.revokedAt,
    // The push carries no count of what the tablet still holds (packages/sync): unknown until it does.
    unsyncedReported: d.reportedUnsynced,
    rejections: rejections.get(d.id) ?? 0,
  }));
}

export function listDevices(deps: Deps, query: DevicesQuery & Paged): Promise<DevicesPage> {
  return deps.store.read(async (tx) => {
    const devices = (await adminDevices(tx))
      .filter((d) => matches(query.q, d.name, d.label, d.userLogin))
      .filter(
        (d) =>
          query.status === undefined || (query.status === 'revoked') === (d.revokedAt !== null),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return page(devices, query);
  });
}

export function revokeDevice(deps: Deps, actorId: string, deviceId: string): Promise<AdminDevice> {
  return deps.store.write(async (tx) => {
    const device = await tx.accounts.deviceById(deviceId);
    if (device === undefined) throw new AppError('not_found', { details: { deviceId } });
    // Revoking twice keeps the first date: the log says when the tablet was lost.
    if (device.revokedAt === null) {
      await tx.accounts.revokeDevice(deviceId, deps.now().toISOString());
      await audit(tx, deps, actorId, 'device.revoke', 'device', deviceId);
    }
    const revoked = (await adminDevices(tx)).find((d) => d.id === deviceId);
    if (revoked === undefined) throw new Error(`device ${deviceId} vanished`);
    return revoked;
  });
}
