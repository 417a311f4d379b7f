import { nowIso } from '../../lib/clock';
import { verifyPin } from '../../lib/pin';
import type { UserRow } from '../../storage/types';
import {
  enrolUser,
  getUserKeys,
  lockOut,
  unlockStateOf,
  unlockWithPin,
} from '../../storage/user-keys';
import { clearPin, getUser, recordPinFailure, recordUnlock } from '../../storage/users';

export const MAX_PIN_ATTEMPTS = 5;

export type PinAttempt =
  | { kind: 'unlocked'; sessionSecret: string; recoveryCode?: string }
  | { kind: 'wrong'; left: number }
  | { kind: 'locked_out' }
  | { kind: 'revoked' }
  | { kind: 'no_pin' }
  | { kind: 'storage'; detail: string };

/**
 * One PIN typed on the unlock screen. The state is read again from storage first, never taken from
 * what the screen showed: a PIN locked out in another tab, or a moment ago, stays locked out. A user of
 * a tablet from before encryption is checked against their PIN hash once, then gets their data key
 * (and a recovery code to write down).
 */
export async function tryPin(userId: string, pin: string): Promise<PinAttempt> {
  const [userRes, keysRes] = await Promise.all([getUser(userId), getUserKeys(userId)]);
  if (!userRes.ok) return { kind: 'storage', detail: userRes.error.detail };
  if (!keysRes.ok) return { kind: 'storage', detail: keysRes.error.detail };
  const user: UserRow | undefined = userRes.value;
  const keys = keysRes.value;
  if (!user) return { kind: 'no_pin' };
  const state = unlockStateOf(keys, user.pin !== null);
  if (state !== 'ready') return { kind: state };
  let unlocked: PinAttempt | null = null;
  if (keys) {
    const res = await unlockWithPin(userId, pin);
    if (!res.ok) return { kind: 'storage', detail: res.error.detail };
    if (res.value.ok) unlocked = { kind: 'unlocked', sessionSecret: res.value.sessionSecret };
    else if (res.value.reason !== 'wrong')
      return { kind: res.value.reason === 'no_keys' ? 'no_pin' : res.value.reason };
  } else if (user.pin && (await verifyPin(pin, user.pin))) {
    const enrolled = await enrolUser({ userId, pin, share: null });
    if (!enrolled.ok) return { kind: 'storage', detail: enrolled.error.detail };
    // The old hash goes: from now on only the wrapped key answers to the PIN.
    await clearPin(userId);
    unlocked = { kind: 'unlocked', ...enrolled.value };
  }
  if (unlocked) {
    await recordUnlock(userId, nowIso());
    return unlocked;
  }
  const failures = await recordPinFailure(userId);
  const count = failures.ok ? failures.value : MAX_PIN_ATTEMPTS;
  if (count < MAX_PIN_ATTEMPTS) return { kind: 'wrong', left: MAX_PIN_ATTEMPTS - count };
  await lockOut(userId);
  await clearPin(userId);
  return { kind: 'locked_out' };
}
