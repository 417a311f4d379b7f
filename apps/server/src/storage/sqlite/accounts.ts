import type Database from 'better-sqlite3';
import type { UserRole } from '@jigi/sync';
import type { DeviceRow, KeyShareRow, UserRow } from '../rows';
import type { AccountsPort } from '../store';
import type { Synchronous } from './synchronous';

type UserDb = {
  id: string;
  login: string;
  name: string;
  role: UserRole;
  active: number;
  password_hash: string;
  created_at: string;
};
type DeviceDb = {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_mutation_id: number;
  last_seen_at: string | null;
  reported_unsynced: number | null;
};

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

export function accountsStore(db: Database.Database): Synchronous<AccountsPort> {
  const zonesOf = db.prepare<[string], { zone: string }>(
    'SELECT zone FROM user_zones WHERE user_id = ? ORDER BY zone',
  );
  const toUser = (r: UserDb): UserRow => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    zones: zonesOf.all(r.id).map((z) => z.zone),
  });
  const toDevice = (r: DeviceDb): DeviceRow => ({
    id: r.id,
    userId: r.user_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastMutationId: r.last_mutation_id,
    lastSeenAt: r.last_seen_at,
    reportedUnsynced: r.reported_unsynced,
  });
  const setZones = (userId: string, zones: readonly string[]): void => {
    db.prepare('DELETE FROM user_zones WHERE user_id = ?').run(userId);
    const insert = db.prepare('INSERT OR IGNORE INTO user_zones (user_id, zone) VALUES (?, ?)');
    for (const zone of zones) insert.run(userId, zone);
  };
  const userSelect = 'SELECT id, login, name, role, active, password_hash, created_at FROM users';
  const deviceSelect =
    'SELECT id, user_id, label, created_at, revoked_at, last_mutation_id, last_seen_at, reported_unsynced FROM devices';
  return {
    insertUser(u) {
      db.prepare(
        'INSERT INTO users (id, login, name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(u.id, u.login, u.name, u.role, u.passwordHash, u.active ? 1 : 0, u.createdAt);
      setZones(u.id, u.zones);
    },
    updateUser(id, patch) {
      if (patch.name !== undefined)
        db.prepare('UPDATE users SET name = ? WHERE id = ?').run(patch.name, id);
      if (patch.role !== undefined)
        db.prepare('UPDATE users SET role = ? WHERE id = ?').run(patch.role, id);
      if (patch.active !== undefined)
        db.prepare('UPDATE users SET active = ? WHERE id = ?').run(patch.active ? 1 : 0, id);
      if (patch.passwordHash !== undefined)
        db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(patch.passwordHash, id);
      if (patch.zones !== undefined) setZones(id, patch.zones);
    },
    userById(id) {
      const r = db.prepare<[string], UserDb>(`${userSelect} WHERE id = ?`).get(id);
      return r === undefined ? undefined : toUser(r);
    },
    userByLogin(login) {
      const r = db.prepare<[string], UserDb>(`${userSelect} WHERE login = ?`).get(login);
      return r === undefined ? undefined : toUser(r);
    },
    listUsers() {
      return db.prepare<[], UserDb>(`${userSelect} ORDER BY login`).all().map(toUser);
    },
    insertDevice(d) {
      db.prepare(
        'INSERT INTO devices (id, user_id, label, token_hash, created_at, revoked_at, last_mutation_id, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        d.id,
        d.userId,
        d.label,
        d.tokenHash,
        d.createdAt,
        d.revokedAt,
        d.lastMutationId,
        d.lastSeenAt,
      );
    },
    deviceByTokenHash(hash) {
      const r = db.prepare<[string], DeviceDb>(`${deviceSelect} WHERE token_hash = ?`).get(hash);
      return r === undefined ? undefined : toDevice(r);
    },
    deviceById(id) {
      const r = db.prepare<[string], DeviceDb>(`${deviceSelect} WHERE id = ?`).get(id);
      return r === undefined ? undefined : toDevice(r);
    },
    listDevices() {
      return db.prepare<[], DeviceDb>(`${deviceSelect} ORDER BY created_at`).all().map(toDevice);
    },
    revokeDevice(id, at) {
      db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
        at,
        id,
      );
    },
    touchDevice(id, at, reportedUnsynced) {
      db.prepare(
        'UPDATE devices SET last_seen_at = ?, reported_unsynced = COALESCE(?, reported_unsynced) WHERE id = ?',
      ).run(at, reportedUnsynced ?? null, id);
    },
    keyShareById(keyId) {
      const r = db.prepare<[string], KeyShareDb>(`${keyShareSelect} WHERE key_id = ?`).get(keyId);
      return r === undefined ? undefined : toKeyShare(r);
    },
    upsertKeyShare(k) {
      db.prepare(
        'INSERT INTO key_shares (key_id, user_id, device_id, share, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET device_id = excluded.device_id, updated_at = excluded.updated_at',
      ).run(k.keyId, k.userId, k.deviceId, k.share, k.createdAt, k.updatedAt);
    },
    insertSession(hash, userId, createdAt, expiresAt) {
      db.prepare(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ).run(hash, userId, createdAt, expiresAt);
    },
    sessionByTokenHash(hash) {
      const r = db
        .prepare<[string], { user_id: string; expires_at: string }>(
          'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?',
        )
        .get(hash);
      return r === undefined ? undefined : { userId: r.user_id, expiresAt: r.expires_at };
    },
    deleteSession(hash) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    },
  };
}
