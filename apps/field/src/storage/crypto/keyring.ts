// The unlocked data keys, in memory only (never written anywhere): one non-extractable AES-GCM
// CryptoKey per user who unlocked in this page. The encryption middleware (encryption-middleware.ts)
// asks it for the owner of every row it seals or opens; a user with no key here is locked, and their
// rows are neither readable nor writable. Locking, switching user or reloading the page forgets it.

export type KeySource = (owner: string) => Promise<CryptoKey> | undefined;

const keys = new Map<string, CryptoKey>();
let fallback: KeySource | undefined;

/** Makes a user's rows readable and writable in this page (after an unlock). */
export function holdDataKey(owner: string, key: CryptoKey): void {
  keys.set(owner, key);
}

/** Forgets one user's key (lock, lockout, revocation). */
export function dropDataKey(owner: string): void {
  keys.delete(owner);
}

/** Forgets every key (lock of the tablet, user switch). */
export function dropAllDataKeys(): void {
  keys.clear();
}

export function dataKeyOf(owner: string): CryptoKey | Promise<CryptoKey> | undefined {
  return keys.get(owner) ?? fallback?.(owner);
}

export function isUnlocked(owner: string): boolean {
  return keys.has(owner) || fallback !== undefined;
}

/**
 * Tests of screens and of the sync engine write rows for users who never typed a PIN: they install a
 * source that makes a key per user on first use (test-support/db.ts). The app never calls this.
 */
export function useFallbackKeys(source: KeySource | undefined): void {
  fallback = source;
}
