import { deviceRegistrationResponseSchema, type DeviceRegistrationResponse } from '@jigi/sync';
import { forgetShare, getUserKeys, receiveShare } from '../storage/user-keys';
import { upsertUser } from '../storage/users';
import type { UserRow } from '../storage/types';
import { requestJson, type ApiError } from './api';
import { fetchKeyShare } from './key-share';

/** What a password login brings for the key hierarchy (docs/tablet-security.md). */
export interface LoggedIn {
  user: UserRow;
  /** The server's share for `keyId`, null when it could not be had (the PIN then binds it later). */
  share: Uint8Array<ArrayBuffer> | null;
  keyId: string;
  /** The user already has keys here that are not revoked: they unlock with their PIN. */
  hasKeys: boolean;
  /**
   * Stored (storage/sync-state.ts `saveRegistration`) once the user's key is open: the token is
   * sealed under it, and it is not open before the PIN is chosen or typed.
   */
  registration: { deviceId: string; deviceToken: string };
}

export type RegisterResult =
  ({ ok: true } & LoggedIn) | { ok: false; error: ApiError | { kind: 'storage'; message: string } };

const sameOrigin = {
  baseUrl: '',
  fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
  now: () => Date.now(),
};

/**
 * The one online step: login + password → a device id and token (the password is sent once and never
 * stored), then the server's share of the user's key on this tablet. A user with keys here gets the
 * share back (a PIN taken away by a lockout works again); keys of a revoked tablet are refused by the
 * server, their copy here is deleted, and a new key id is asked for.
 */
export async function registerDevice(
  login: string,
  password: string,
  deviceLabel: string,
): Promise<RegisterResult> {
  const res = await requestJson<DeviceRegistrationResponse>(
    '/api/auth/device',
    { method: 'POST', body: { login, password, deviceLabel } },
    deviceRegistrationResponseSchema,
  );
  if (!res.ok) return res;
  const { user, deviceId, deviceToken } = res.value;
  const saved = await upsertUser({
    id: user.id,
    login,
    name: user.name,
    role: user.role,
    zones: user.zones,
  });
  if (!saved.ok) return { ok: false, error: { kind: 'storage', message: saved.error.kind } };
  const keys = await getUserKeys(user.id);
  if (!keys.ok) return { ok: false, error: { kind: 'storage', message: keys.error.kind } };
  let current = keys.value?.revokedAt === undefined ? keys.value : undefined;
  let keyId = current?.keyId ?? crypto.randomUUID();
  let share = await fetchKeyShare(sameOrigin, deviceToken, keyId);
  if (!share.ok && share.revoked && current) {
    await forgetShare(user.id, new Date().toISOString());
    current = undefined;
    keyId = crypto.randomUUID();
    share = await fetchKeyShare(sameOrigin, deviceToken, keyId);
  }
  if (current && share.ok) {
    const bound = await receiveShare(user.id, share.share);
    if (!bound.ok) return { ok: false, error: { kind: 'storage', message: bound.error.kind } };
  }
  return {
    ok: true,
    user: saved.value,
    share: share.ok ? share.share : null,
    keyId,
    hasKeys: current !== undefined,
    registration: { deviceId, deviceToken },
  };
}
