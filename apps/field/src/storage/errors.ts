/**
 * IndexedDB failures as values (STYLE.md « Errors »). The UI maps `kind` to a French message from the
 * catalogue (common.json → storageErrors); the storage layer never shows text itself.
 */
export type StorageErrorKind =
  | 'quota' // QuotaExceededError: the tablet is full
  | 'version' // VersionError: the database is newer than this app (an older app was reinstalled)
  | 'blocked' // an upgrade waits for another open tab of the app
  | 'unavailable' // no IndexedDB (private mode, disabled storage)
  | 'closed' // the database was closed under us (another tab upgraded it)
  | 'constraint' // a unique key already exists
  | 'locked' // the user's data key is not held in this page (locked, or another user's rows)
  | 'unknown';

export interface StorageError {
  kind: StorageErrorKind;
  /** Technical detail, for the log and the support screen; not for the user. */
  detail: string;
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

function names(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur !== null && typeof cur === 'object'; i++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** Classifies anything Dexie or IndexedDB throws (Dexie wraps the DOMException in `inner`). */
export function toStorageError(e: unknown): StorageError {
  const all = names(e);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const has = (n: string) => all.includes(n);
  if (has('QuotaExceededError')) return { kind: 'quota', detail };
  if (has('VersionError')) return { kind: 'version', detail };
  if (has('MissingAPIError') || has('InvalidStateError') || has('SecurityError'))
    return { kind: 'unavailable', detail };
  if (has('DatabaseClosedError')) return { kind: 'closed', detail };
  if (has('ConstraintError')) return { kind: 'constraint', detail };
  if (has('LockedError')) return { kind: 'locked', detail };
  return { kind: 'unknown', detail };
}

/** Runs a storage operation and returns its failure as a value. */
export async function attempt<T>(fn: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e: unknown) {
    return { ok: false, error: toStorageError(e) };
  }
}
