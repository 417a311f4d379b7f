import { z } from 'zod';
import { fromBase64 } from '../storage/crypto/bytes';
import { forgetShare, getUserKeys, receiveShare, SHARE_BYTES } from '../storage/user-keys';
import { request, type NetError, type Transport } from './transport';

// The server's share of a user's key on this tablet (docs/tablet-security.md): asked for after a
// password login and, while the tablet lacks it (upgraded before it had one), at each sync. The answer
// `key_share_revoked` (or `device_revoked` on any request) means an admin revoked the tablet: the
// tablet's copy of the share is deleted at once.

/** POST /api/auth/key-share, answer (the server's route validates the same shape). */
export const keyShareResponseSchema = z.object({
  keyId: z.uuid(),
  /** base64 of 64 random bytes. */
  keyShare: z.base64().refine((s) => fromBase64(s).length === SHARE_BYTES, 'expected 64 bytes'),
  serverTime: z.string(),
});

export type KeyShareResult =
  { ok: true; share: Uint8Array<ArrayBuffer> } | { ok: false; revoked: boolean; error: NetError };

export const REVOKED_CODES: ReadonlySet<string> = new Set(['key_share_revoked', 'device_revoked']);

export async function fetchKeyShare(
  transport: Transport,
  deviceToken: string,
  keyId: string,
): Promise<KeyShareResult> {
  const res = await request(
    transport,
    {
      method: 'POST',
      path: '/api/auth/key-share',
      token: deviceToken,
      body: new TextEncoder().encode(JSON.stringify({ keyId })),
      timeoutMs: 20_000,
    },
    keyShareResponseSchema,
  );
  if (res.ok) return { ok: true, share: fromBase64(res.value.keyShare) };
  return {
    ok: false,
    revoked: res.error.kind === 'http' && REVOKED_CODES.has(res.error.code),
    error: res.error,
  };
}

/**
 * At a sync: a user whose wraps still lack the share gets it now; a revoked answer deletes it.
 * Nothing is asked when the tablet already has the share.
 */
export async function completeKeyShare(
  transport: Transport,
  userId: string,
  deviceToken: string,
): Promise<void> {
  const keys = await getUserKeys(userId);
  if (!keys.ok || !keys.value || keys.value.revokedAt !== undefined) return;
  if (keys.value.pinShare !== null && keys.value.recoveryShare !== null) return;
  const res = await fetchKeyShare(transport, deviceToken, keys.value.keyId);
  if (res.ok) await receiveShare(userId, res.share);
  else if (res.revoked) await forgetShare(userId, new Date(transport.now()).toISOString());
}
