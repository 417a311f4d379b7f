import { concatBytes, fromBase64, randomBytes, toBase64, type Bytes } from './bytes';

// Small secrets sealed under a key (a share under the data key, the data key under a session key):
// base64 of `iv ‖ AES-GCM ciphertext`.

export async function sealBytes(key: CryptoKey, plain: Bytes): Promise<string> {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return toBase64(concatBytes(iv, new Uint8Array(sealed)));
}

/** The plain bytes, or null when the key is not the one they were sealed with. */
export async function openBytes(key: CryptoKey, sealed: string): Promise<Bytes | null> {
  const bytes = fromBase64(sealed);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(0, 12) },
        key,
        bytes.slice(12),
      ),
    );
  } catch (e: unknown) {
    if (e instanceof Error && e.name === 'OperationError') return null;
    throw e;
  }
}
