import type { KeyWrap } from '../types';
import { concatBytes, fromBase64, randomBytes, toBase64, utf8, type Bytes } from './bytes';

// The key hierarchy (docs/tablet-security.md « Keys »). Each user has one random AES-GCM data key.
// It is stored only wrapped, in two layers:
//   inner — wrapped (AES-GCM) by a key derived from a secret the user types (PIN or recovery code),
//           PBKDF2-SHA-256 with a per-wrap salt;
//   outer — the inner bytes encrypted again by a key derived (HKDF-SHA-256) from a share the server
//           issued for this user on this tablet.
// Opening needs both the typed secret and the share; deleting the share on the tablet (revocation,
// lockout) makes the wrap useless whatever PIN is typed. Two layers rather than one key derived from
// both: the outer layer can be added later without the data key (a tablet upgraded offline gets its
// share at its next sync) and dropped without asking for the PIN.

/** PBKDF2 cost, measured in Chromium at 4× CPU throttling (docs/tablet-security.md « Cost »). */
export const PIN_ITERATIONS = 150_000;

const IV_BYTES = 12;

export type { KeyWrap };

async function secretKey(secret: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8.encode(secret), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function shareKey(share: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', share, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: utf8.encode('jigi-key-share-v1'),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A new data key. Extractable only so that it can be wrapped; the page keeps a non-extractable copy. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** Wraps an extractable data key under a typed secret, and under the share when there is one. */
export async function wrapDataKey(
  dataKey: CryptoKey,
  secret: string,
  share: Bytes | null,
  iterations = PIN_ITERATIONS,
): Promise<KeyWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey(
    'raw',
    dataKey,
    await secretKey(secret, salt, iterations),
    { name: 'AES-GCM', iv },
  );
  const inner: KeyWrap = {
    salt: toBase64(salt),
    iterations,
    bytes: toBase64(concatBytes(iv, new Uint8Array(wrapped))),
    shared: false,
  };
  return share ? bindShare(inner, share) : inner;
}

/** Adds the outer layer to a wrap made before the tablet had its share (an upgraded tablet). */
export async function bindShare(wrap: KeyWrap, share: Bytes): Promise<KeyWrap> {
  if (wrap.shared) return wrap;
  const iv = randomBytes(IV_BYTES);
  const outer = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await shareKey(share),
    fromBase64(wrap.bytes),
  );
  return { ...wrap, bytes: toBase64(concatBytes(iv, new Uint8Array(outer))), shared: true };
}

/**
 * The data key, or null when the secret or the share is wrong (or the share is missing for a wrap
 * that needs it). `extractable` only while a new PIN or recovery code is being set.
 */
export async function openDataKey(
  wrap: KeyWrap,
  secret: string,
  share: Bytes | null,
  extractable = false,
): Promise<CryptoKey | null> {
  try {
    let inner = fromBase64(wrap.bytes);
    if (wrap.shared) {
      if (!share) return null;
      inner = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: inner.slice(0, IV_BYTES) },
          await shareKey(share),
          inner.slice(IV_BYTES),
        ),
      );
    }
    return await crypto.subtle.unwrapKey(
      'raw',
      inner.slice(IV_BYTES),
      await secretKey(secret, fromBase64(wrap.salt), wrap.iterations),
      { name: 'AES-GCM', iv: inner.slice(0, IV_BYTES) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch (e: unknown) {
    if (e instanceof Error && e.name === 'OperationError') return null;
    throw e;
  }
}

/** The non-extractable copy of a data key kept by the page while its user is unlocked. */
export async function sessionCopy(dataKey: CryptoKey): Promise<CryptoKey> {
  if (!dataKey.extractable) return dataKey;
  const raw = await crypto.subtle.exportKey('raw', dataKey);
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A one-time recovery code: 20 characters from a 31-letter alphabet without look-alikes (≈ 99 bits),
 * shown in groups of 4 to be written down. Long enough that guessing it from a copied disk is hopeless.
 */
export function newRecoveryCode(): string {
  // Rejection sampling: bytes of 248 and over would favour the first letters.
  const limit = 256 - (256 % RECOVERY_ALPHABET.length);
  let code = '';
  while (code.length < 20)
    for (const b of randomBytes(24))
      if (b < limit && code.length < 20)
        code += RECOVERY_ALPHABET.charAt(b % RECOVERY_ALPHABET.length);
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** What the user types, compared as it was made: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(.{4})(?=.)/g, '$1-');
}
