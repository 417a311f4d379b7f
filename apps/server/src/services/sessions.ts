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
