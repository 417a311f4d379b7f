import { useFallbackKeys } from '../storage/crypto/keyring';
import { useDatabase, type JigiDb } from '../storage/db';

let n = 0;

/**
 * Screens and sync tests write rows for users who never typed a PIN: each such user gets a data key on
 * first use, so their rows are still sealed on disk as in the app (the tests of the keys themselves
 * switch this off with `useFallbackKeys(undefined)`).
 */
// One key per user for the whole test file: several tablets (databases) of the same user agree.
const made = new Map<string, Promise<CryptoKey>>();

export function testKeys(): void {
  useFallbackKeys((owner) => {
    let key = made.get(owner);
    if (!key) {
      key = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      made.set(owner, key);
    }
    return key;
  });
}

/** A fresh, empty database for one test (fake-indexeddb), made the one storage functions use. */
export function freshDb(): JigiDb {
  n += 1;
  testKeys();
  return useDatabase(`test-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`);
}
