import type { UserRole } from '@jigi/sync';
import type { DeviceRow, KeyShareRow, UserRow } from '../rows';
import type { AccountsPort } from '../store';
import type { Query } from './query';

type UserDb = {
  id: string;
  login: string;
  name: string;
  role: UserRole;
  active: boolean;
  password_hash: string;
  created_at: string;
  zones: string[] | null;
};
export type DeviceDb = {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_mutation_id: number;
  last_seen_at: string | null;
  reported_unsynced: number | null;
};

const toUser = (r: UserDb): UserRow => ({
  id: r.id,
  login: r.login,
  name: r.name,
  role: r.role,
  active: r.active,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  zones: r.zones ?? [],
});
export const toDevice = (r: DeviceDb): DeviceRow => ({
  id: r.id,
  userId: r.user_id,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastMutationId: r.last_mutation_id,
  lastSeenAt: r.last_seen_at,
  reportedUnsynced: r.reported_unsynced,
});

// Zones come with the user in one query (`COLLATE "C"`: the byte order SQLite sorts them in).
const userSelect = `SELECT u.id, u.login, u.name, u.role, u.active, u.password_hash, u.created_at,
  (SELECT array_agg(z.zone ORDER BY z.zone COLLATE "C") FROM user_zones z WHERE z.user_id = u.id) AS zones
  FROM users u`;
export const deviceSelect =
  'SELECT id, user_id, label, created_at, revoked_at, last_mutation_id, last_seen_at, reported_unsynced FROM devices';

type KeyShareDb = {
  key_id: string;
  user_id: string;
  device_id: string;
  share: string;
  created_at: string;
  updated_at: string;
};
const keyShareSelect =
  'SELECT key_id, user_id, device_id, share, created_at, updated_at FROM key_shares';
const toKeyShare = (r: KeyShareDb): KeyShareRow => ({
  keyId: r.key_id,
  userId: r.user_id,
  deviceId: r.device_id,
  share: r.share,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function accountsPort(q: Query): AccountsPort {
  const setZones = async (userId: string, zones: readonly string[]): Promise<void> => {
    await q('DELETE FROM user_zones WHERE user_id = $1', [userId]);
    if (zones.length > 0) {
      await q(
        'INSERT INTO user_zones (user_id, zone) SELECT $1, z FROM unnest($2::text[]) z ON CONFLICT DO NOTHING',
        [userId, [...zones]],
      );
    }
  };
  return {
    async insertUser(u) {
      await q(
        'INSERT INTO users (id, login, name, role, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [u.id, u.login, u.name, u.role, u.passwordHash, u.active, u.createdAt],
      );
      await setZones(u.id, u.zones);
    },
    async updateUser(id, patch) {
      if (patch.name !== undefined)
        await q('UPDATE users SET name = $1 WHERE id = $2', [patch.name, id]);
      if (patch.role !== undefined)
        await q('UPDATE users SET role = $1 WHERE id = $2', [patch.role, id]);
      if (patch.active !== undefined)
        await q('UPDATE users SET active = $1 WHERE id = $2', [patch.active, id]);
      if (patch.passwordHash !== undefined)
        await q('UPDATE users SET password_hash = $1 WHERE id = $2', [patch.passwordHash, id]);
      if (patch.zones !== undefined) await setZones(id, patch.zones);
    },
    async userById(id) {
      const [r] = await q<UserDb>(`${userSelect} WHERE u.id = $1`, [id]);
      return r === undefined ? undefined : toUser(r);
    },
    async userByLogin(login) {
      const [r] = await q<UserDb>(`${userSelect} WHERE u.login = $1`, [login]);
      return r === undefined ? undefined : toUser(r);
    },
    async listUsers() {
      return (await q<UserDb>(`${userSelect} ORDER BY u.login COLLATE "C"`)).map(toUser);
    },
    async insertDevice(d) {
      await q(
        'INSERT INTO devices (id, user_id, label, token_hash, created_at, revoked_at, last_mutation_id, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          d.id,
          d.userId,
          d.label,
          d.tokenHash,
          d.createdAt,
          d.revokedAt,
          d.lastMutationId,
          d.lastSeenAt,
        ],
      );
    },
    async deviceByTokenHash(hash) {
      const [r] = await q<DeviceDb>(`${deviceSelect} WHERE token_hash = $1`, [hash]);
      return r === undefined ? undefined : toDevice(r);
    },
    async deviceById(id) {
      const [r] = await q<DeviceDb>(`${deviceSelect} WHERE id = $1`, [id]);
      return r === undefined ? undefined : toDevice(r);
    },
    async listDevices() {
      return (await q<DeviceDb>(`${deviceSelect} ORDER BY created_at, id`)).map(toDevice);
    },
    async revokeDevice(id, at) {
      await q('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    },
    async touchDevice(id, at, reportedUnsynced) {
      await q(
        'UPDATE devices SET last_seen_at = $1, reported_unsynced = COALESCE($2, reported_unsynced) WHERE id = $3',
        [at, reportedUnsynced ?? null, id],
      );
    },
    async keyShareById(keyId) {
      const [r] = await q<KeyShareDb>(`${keyShareSelect} WHERE key_id = $1`, [keyId]);
      return r === undefined ? undefined : toKeyShare(r);
    },
    async upsertKeyShare(k) {
      await q(
        'INSERT INTO key_shares (key_id, user_id, device_id, share, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key_id) DO UPDATE SET device_id = excluded.device_id, updated_at = excluded.updated_at',
        [k.keyId, k.userId, k.deviceId, k.share, k.createdAt, k.updatedAt],
      );
    },
    async insertSession(hash, userId, createdAt, expiresAt) {
      await q(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [hash, userId, createdAt, expiresAt],
      );
    },
    async sessionByTokenHash(hash) {
      const [r] = await q<{ user_id: string; expires_at: string }>(
        'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1',
        [hash],
      );
      return r === undefined ? undefined : { userId: r.user_id, expiresAt: r.expires_at };
    },
    async deleteSession(hash) {
      await q('DELETE FROM sessions WHERE token_hash = $1', [hash]);
    },
  };
}
