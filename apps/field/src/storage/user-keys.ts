import { fromBase64, randomBytes, toBase64, type Bytes } from './crypto/bytes';
import {
  bindShare,
  newDataKey,
  newRecoveryCode,
  normaliseRecoveryCode,
  openDataKey,
  sessionCopy,
  wrapDataKey,
} from './crypto/key-wraps';
import { ownedTables, type OwnedTable } from './crypto/encryption-middleware';
import { dropDataKey, holdDataKey } from './crypto/keyring';
import { openBytes, sealBytes } from './crypto/sealed-bytes';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { firstSealingStep } from './legacy-sealing';
import type { UserKeysRow } from './types';

// Each user's wrapped data key and the tablet's copy of their server share (docs/tablet-security.md).
// The share is 64 bytes: the first half guards the PIN wrap, the second the recovery-code wrap, so
// that a lockout can take the PIN's half away and leave the recovery code working offline.

export const SHARE_BYTES = 64;
const HALF = SHARE_BYTES / 2;

export type UnlockState =
  /** The PIN unlocks (a keyed user, or one of a tablet from before encryption). */
  | 'ready'
  /** Too many wrong PINs: only a password login (online) or the recovery code opens it again. */
  | 'locked_out'
  /** An admin revoked the tablet: nothing of this user here can be opened any more. */
  | 'revoked'
  /** Logged in online but no PIN chosen yet. */
  | 'no_pin';

export function getUserKeys(userId: string): Promise<StorageResult<UserKeysRow | undefined>> {
  return attempt(() => db().userKeys.get(userId));
}

export function allUserKeys(): Promise<StorageResult<UserKeysRow[]>> {
  return attempt(() => db().userKeys.toArray());
}

/** What the unlock screen may offer this user. `legacyPin`: a PIN hash from before encryption. */
export function unlockStateOf(keys: UserKeysRow | undefined, legacyPin: boolean): UnlockState {
  if (keys?.revokedAt !== undefined) return 'revoked';
  if (!keys?.pin) return legacyPin && !keys ? 'ready' : keys ? 'locked_out' : 'no_pin';
  if (keys.pin.shared && keys.pinShare === null) return 'locked_out';
  return 'ready';
}

function halves(share: Bytes | null): { pin: Bytes | null; recovery: Bytes | null } {
  if (!share) return { pin: null, recovery: null };
  if (share.length !== SHARE_BYTES) throw new Error(`key share of ${share.length} bytes`);
  return { pin: share.slice(0, HALF), recovery: share.slice(HALF) };
}

const b64 = (bytes: Bytes | null) => (bytes ? toBase64(bytes) : null);
const bytesOf = (text: string | null | undefined) => (text ? fromBase64(text) : null);

export interface Enrolment {
  /** Shown once, to be written down: opens the data offline when the PIN is lost or locked. */
  recoveryCode: string;
  /** Kept by the tab (sessionStorage) so that a reload does not ask for the PIN again. */
  sessionSecret: string;
}

/**
 * A user's first PIN on this tablet (or the first after a revocation): a new data key, wrapped under
 * the PIN and under a new recovery code, each with the share's half when the tablet has the share
 * (an upgraded tablet gets it at its next sync, `receiveShare`). The key is held for this page.
 */
export function enrolUser(input: {
  userId: string;
  pin: string;
  share: Bytes | null;
  /** The id the server's share was issued under (a password login asks for it before the PIN). */
  keyId?: string | undefined;
  iterations?: number;
}): Promise<StorageResult<Enrolment>> {
  return attempt(async () => {
    const previous = await db().userKeys.get(input.userId);
    if (previous) await purgeSealedRows(input.userId);
    const share = halves(input.share);
    const dataKey = await newDataKey();
    const recoveryCode = newRecoveryCode();
    const [pin, recovery] = await Promise.all([
      wrapDataKey(dataKey, input.pin, share.pin, input.iterations),
      wrapDataKey(dataKey, normaliseRecoveryCode(recoveryCode), share.recovery, input.iterations),
    ]);
    const session = await sessionWrap(dataKey);
    const row: UserKeysRow = {
      userId: input.userId,
      keyId: input.keyId ?? previous?.keyId ?? crypto.randomUUID(),
      pin,
      recovery,
      pinShare: b64(share.pin),
      recoveryShare: b64(share.recovery),
      pinShareSealed: share.pin ? await sealBytes(dataKey, share.pin) : null,
      session: session.wrapped,
      sealing: await firstSealingStep(input.userId),
    };
    await db().userKeys.put(row);
    holdDataKey(input.userId, await sessionCopy(dataKey));
    return { recoveryCode, sessionSecret: session.secret };
  });
}

export type UnlockOutcome =
  | { ok: true; sessionSecret: string }
  | { ok: false; reason: 'wrong' | 'locked_out' | 'revoked' | 'no_keys' };

/** Opens the user's data key with their PIN and holds it for this page. */
export function unlockWithPin(
  userId: string,
  typedPin: string,
): Promise<StorageResult<UnlockOutcome>> {
  return attempt(async (): Promise<UnlockOutcome> => {
    const row = await db().userKeys.get(userId);
    if (!row) return { ok: false, reason: 'no_keys' };
    const state = unlockStateOf(row, false);
    if (state === 'revoked') return { ok: false, reason: 'revoked' };
    if (state !== 'ready' || !row.pin) return { ok: false, reason: 'locked_out' };
    const dataKey = await openDataKey(row.pin, typedPin, bytesOf(row.pinShare), true);
    if (!dataKey) return { ok: false, reason: 'wrong' };
    return { ok: true, sessionSecret: await startSession(row, dataKey) };
  });
}

/**
 * After too many wrong PINs: the PIN's half of the share leaves the tablet, so the PIN opens nothing
 * on any screen, after a reload too, until a password login brings the share back or the recovery
 * code is used. A PIN wrap made before the tablet had a share is deleted instead.
 */
export function lockOut(userId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().transaction('rw', db().userKeys, async () => {
      const row = await db().userKeys.get(userId);
      if (!row) return;
      await db().userKeys.put({
        ...row,
        pinShare: null,
        pin: row.pin?.shared ? row.pin : null,
        session: null,
      });
    });
    dropDataKey(userId);
  });
}

/**
 * The offline way back after a lockout or a forgotten PIN: the recovery code opens the data key, a
 * new PIN is wrapped, and a new recovery code replaces the used one (each code works once).
 */
export function recoverWithCode(input: {
  userId: string;
  code: string;
  newPin: string;
  iterations?: number;
}): Promise<
  StorageResult<({ ok: true } & Enrolment) | { ok: false; reason: 'wrong' | 'revoked' }>
> {
  return attempt(async () => {
    const row = await db().userKeys.get(input.userId);
    if (!row?.recovery || row.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    const dataKey = await openDataKey(
      row.recovery,
      normaliseRecoveryCode(input.code),
      bytesOf(row.recoveryShare),
      true,
    );
    if (!dataKey) return { ok: false, reason: 'wrong' };
    const pinShare =
      bytesOf(row.pinShare) ??
      (row.pinShareSealed ? await openBytes(dataKey, row.pinShareSealed) : null);
    const recoveryCode = newRecoveryCode();
    const [pin, recovery] = await Promise.all([
      wrapDataKey(dataKey, input.newPin, pinShare, input.iterations ?? row.pin?.iterations),
      wrapDataKey(
        dataKey,
        normaliseRecoveryCode(recoveryCode),
        bytesOf(row.recoveryShare),
        input.iterations ?? row.recovery.iterations,
      ),
    ]);
    const next: UserKeysRow = { ...row, pin, recovery, pinShare: b64(pinShare) };
    const sessionSecret = await startSession(next, dataKey);
    return { ok: true, recoveryCode, sessionSecret };
  });
}

/**
 * The server's share for this user, received at a password login or at a sync: the wraps made
 * without it get their outer layer, and a PIN taken away by a lockout works again.
 */
export function receiveShare(userId: string, share: Bytes): Promise<StorageResult<void>> {
  return attempt(async () => {
    const half = halves(share);
    const row = await db().userKeys.get(userId);
    if (!row || !half.pin || !half.recovery || row.revokedAt !== undefined) return;
    const [pin, recovery] = await Promise.all([
      row.pin ? bindShare(row.pin, half.pin) : null,
      row.recovery ? bindShare(row.recovery, half.recovery) : null,
    ]);
    const { dataKeyOf } = await import('./crypto/keyring');
    const held = await dataKeyOf(userId);
    await db().userKeys.put({
      ...row,
      pin,
      recovery,
      pinShare: b64(half.pin),
      recoveryShare: b64(half.recovery),
      pinShareSealed: held ? await sealBytes(held, half.pin) : row.pinShareSealed,
    });
  });
}

/**
 * The server said this tablet is revoked: every copy of the user's share leaves the tablet, so what
 * it holds of theirs can no longer be opened once this page forgets the key (lock, reload). The key
 * held now stays, so that unsent records can first be exported.
 */
export function forgetShare(userId: string, at: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().transaction('rw', db().userKeys, async () => {
      const row = await db().userKeys.get(userId);
      if (!row) return;
      await db().userKeys.put({
        ...row,
        pin: row.pin?.shared ? row.pin : null,
        recovery: row.recovery?.shared ? row.recovery : null,
        pinShare: null,
        recoveryShare: null,
        pinShareSealed: null,
        session: null,
        revokedAt: at,
      });
    });
  });
}

/** A new random key for the tab's session wrap: wraps the data key so a reload needs no PIN. */
async function sessionWrap(dataKey: CryptoKey): Promise<{ secret: string; wrapped: string }> {
  const secret = randomBytes(32);
  return {
    secret: toBase64(secret),
    wrapped: await sealBytes(await rawKey(secret), await exportRaw(dataKey)),
  };
}

async function rawKey(secret: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function exportRaw(dataKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', dataKey));
}

async function startSession(row: UserKeysRow, dataKey: CryptoKey): Promise<string> {
  const session = await sessionWrap(dataKey);
  await db().userKeys.put({ ...row, session: session.wrapped });
  holdDataKey(row.userId, await sessionCopy(dataKey));
  return session.secret;
}

/**
 * After a reload of the same tab: the session wrap opened with the secret the tab kept. False when
 * the session was ended (lock, lockout, revocation) or the secret is not this session's.
 */
export function resumeSession(userId: string, secret: string): Promise<StorageResult<boolean>> {
  return attempt(async () => {
    const row = await db().userKeys.get(userId);
    if (!row?.session) return false;
    let raw: Bytes | null;
    try {
      raw = await openBytes(await rawKey(fromBase64(secret)), row.session);
    } catch {
      return false;
    }
    if (!raw) return false;
    holdDataKey(
      userId,
      await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]),
    );
    return true;
  });
}

/** Lock or user switch: the page forgets the key and the session wrap is deleted. */
export function endSession(userId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    dropDataKey(userId);
    await db().userKeys.update(userId, { session: null });
  });
}

/**
 * Deletes the user's rows before a new enrolment: they were sealed under a key that no longer exists
 * (the tablet was revoked, and its share with it), so nothing can open them again; the unsent ones
 * were offered for export when the revocation arrived. Key-only reads: no key is held.
 */
async function purgeSealedRows(userId: string): Promise<void> {
  dropDataKey(userId);
  const d = db();
  for (const name of Object.keys(ownedTables) as OwnedTable[]) {
    const table = d.table(name);
    const keys = await table.where(ownedTables[name]).equals(userId).primaryKeys();
    if (keys.length > 0) await table.bulkDelete(keys);
  }
}
