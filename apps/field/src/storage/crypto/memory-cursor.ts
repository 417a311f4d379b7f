import type { DBCoreCursor, DBCoreTransaction } from 'dexie';

// A Dexie cursor over rows already read and opened. An IndexedDB cursor hands out one row per
// request, and opening each one would need the transaction kept alive per row; the encryption
// middleware reads the range in one `getAll` instead, opens every row at once, and walks them here.
// Only value cursors come here (filter, each, first with a filter): key cursors go to IndexedDB.

export interface CursorEntry {
  key: unknown;
  primaryKey: unknown;
  value: unknown;
}

export function memoryCursor(
  trans: DBCoreTransaction,
  entries: readonly CursorEntry[],
): DBCoreCursor | null {
  if (entries.length === 0) return null;
  let pos = 0;
  let stopped = false;
  const step = { moved: false };
  // Read through a call: the consumer's callback sets it, which the compiler cannot see.
  const hasMoved = () => step.moved;
  let target: { key: unknown; primaryKey?: unknown } | undefined;
  let steps = 1;
  let onNext: (() => void) | undefined;
  let finish: ((value: unknown) => void) | undefined;
  let failWith: ((error: Error) => void) | undefined;
  let driving = false;

  const move = (how: () => void) => {
    if (stopped) throw new Error('Cursor stopped');
    how();
    step.moved = true;
    if (!driving) drive();
  };

  function advancePosition() {
    if (target) {
      const wanted = target;
      while (pos < entries.length) {
        const entry = entries[pos];
        const c = indexedDB.cmp(entry?.key, wanted.key);
        if (
          c > 0 ||
          (c === 0 &&
            (wanted.primaryKey === undefined ||
              indexedDB.cmp(entry?.primaryKey, wanted.primaryKey) >= 0))
        )
          break;
        pos += 1;
      }
      target = undefined;
    } else {
      pos += steps;
    }
    steps = 1;
  }

  function drive() {
    driving = true;
    try {
      while (!stopped && onNext) {
        if (pos >= entries.length) {
          cursor.done = true;
          stop(undefined);
          return;
        }
        step.moved = false;
        try {
          onNext();
        } catch (e: unknown) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        // The consumer will continue later (or never): wait for its call.
        if (!hasMoved()) return;
        advancePosition();
      }
    } finally {
      driving = false;
    }
  }

  function stop(value: unknown) {
    stopped = true;
    finish?.(value);
  }

  function fail(error: Error) {
    stopped = true;
    failWith?.(error);
  }

  const cursor: DBCoreCursor & { done: boolean } = {
    trans,
    get key() {
      return entries[pos]?.key;
    },
    get primaryKey() {
      return entries[pos]?.primaryKey;
    },
    get value() {
      return entries[pos]?.value;
    },
    done: false,
    continue(key?: unknown) {
      move(() => {
        if (key !== undefined) target = { key };
      });
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      move(() => {
        target = { key, primaryKey };
      });
    },
    advance(count: number) {
      move(() => {
        steps = count;
      });
    },
    start(callback: () => void) {
      return new Promise((resolve, reject) => {
        onNext = callback;
        finish = resolve;
        failWith = reject;
        drive();
      });
    },
    stop,
    fail,
    next() {
      let gotOne = 1;
      return this.start(() => {
        if (gotOne-- > 0) this.continue();
        else this.stop();
      }).then(() => this);
    },
  };
  return cursor;
}
