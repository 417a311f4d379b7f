// The browser's storage guarantees: ask for persistent storage once, show how much is used.

export type PersistResult = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(): Promise<PersistResult> {
  if (
    typeof navigator === 'undefined' ||
    !('storage' in navigator) ||
    typeof navigator.storage.persist !== 'function'
  )
    return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'granted';
    return (await navigator.storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

export interface StorageUse {
  usedBytes: number;
  quotaBytes: number;
}

export async function storageUse(): Promise<StorageUse | undefined> {
  if (
    typeof navigator === 'undefined' ||
    !('storage' in navigator) ||
    typeof navigator.storage.estimate !== 'function'
  )
    return undefined;
  try {
    const e = await navigator.storage.estimate();
    return { usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 };
  } catch {
    return undefined;
  }
}
