import { randomBytes } from 'node:crypto';
import type { UserRow } from '../storage/rows';
import type { Deps } from './deps';

// Tablet registration and browser sessions: what the auth routes store, each in one write with its
// audit entry. Passwords are checked (slowly, on purpose) before any transaction opens.

export function userByLogin(deps: Deps, login: string): Promise<UserRow | undefined> {
  return deps.store.read((tx) => tx.accounts.userByLogin(login.trim().toLowerCase()));
}

export function registerDevice(
  deps: Deps,
  device: { id: string; user: UserRow; label: string; tokenHash: string; at: string },
): Promise<void> {
  return deps.store.write(async (tx) => {
    await tx.accounts.insertDevice({
      id: device.id,
      userId: device.user.id,
      label: device.label,
      tokenHash: device.tokenHash,
      createdAt: device.at,
      revokedAt: null,
      lastMutationId: 0,
      lastSeenAt: device.at,
      reportedUnsynced: null,
    });
    await tx.audit.append({
      at: device.at,
      userId: device.user.id,
      action: 'device.register',
      entity: 'device',
      entityId: device.id,
      details: { label: device.label },
    });
  });
}

export function openSession(
  deps: Deps,
  session: { user: UserRow; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  return deps.store.write(async (tx) => {
    await tx.accounts.insertSession(
      session.tokenHash,
      session.user.id,
      session.createdAt,
      session.expiresAt,
    );
    await tx.audit.append({
      at: session.createdAt,
      userId: session.user.id,
      action: 'session.login',
      entity: 'user',
      entityId: session.user.id,
      details: null,
    });
  });
}

export function closeSession(deps: Deps, tokenHash: string): Promise<void> {
  return deps.store.write((tx) => tx.accounts.deleteSession(tokenHash));
}

export type KeyShareOutcome =
  { ok: true; share: string } | { ok: false; code: 'key_share_revoked' | 'key_share_not_yours' };

/**
 * The server's share of a user's data key on a tablet (docs/tablet-security.md), by the key id the
 * tablet made: issued on first ask, given again to the same user's later tokens (a new password login
 * on the same tablet) and bound to the asking device. Refused for ever once the device it was bound
 * to is revoked, whatever token asks: that is what makes a revoked tablet's data unopenable.
 */
export function keyShareFor(
  deps: Deps,
  input: { keyId: string; userId: string; deviceId: string; at: string },
): Promise<KeyShareOutcome> {
  return deps.store.write(async (tx) => {
    const row = await tx.accounts.keyShareById(input.keyId);
    if (row) {
      if (row.userId !== input.userId) return { ok: false, code: 'key_share_not_yours' };
      const bound = await tx.accounts.deviceById(row.deviceId);
      if (bound === undefined || bound.revokedAt !== null)
        return { ok: false, code: 'key_share_revoked' };
      if (row.deviceId !== input.deviceId)
        await tx.accounts.upsertKeyShare({ ...row, deviceId: input.deviceId, updatedAt: input.at });
      return { ok: true, share: row.share };
    }
    const share = randomBytes(64).toString('base64');
    await tx.accounts.upsertKeyShare({
      keyId: input.keyId,
      userId: input.userId,
      deviceId: input.deviceId,
      share,
      createdAt: input.at,
      updatedAt: input.at,
    });
    await tx.audit.append({
      at: input.at,
      userId: input.userId,
      action: 'key_share.issue',
      entity: 'device',
      entityId: input.deviceId,
      details: { keyId: input.keyId },
    });
    return { ok: true, share };
  });
}
