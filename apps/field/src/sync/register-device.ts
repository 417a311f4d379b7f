import { deviceRegistrationResponseSchema, type DeviceRegistrationResponse } from '@jigi/sync';
import { saveRegistration } from '../storage/sync-state';
import { upsertUser } from '../storage/users';
import type { UserRow } from '../storage/types';
import { requestJson, type ApiError } from './api';

export type RegisterResult =
  | { ok: true; user: UserRow }
  | { ok: false; error: ApiError | { kind: 'storage'; message: string } };

/**
 * The one online step: login + password → a device id and token (the password is sent once and never
 * stored). The user and the registration are written locally; the PIN is chosen next.
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
  const reg = await saveRegistration(user.id, deviceId, deviceToken);
  if (!reg.ok) return { ok: false, error: { kind: 'storage', message: reg.error.kind } };
  return { ok: true, user: saved.value };
}
