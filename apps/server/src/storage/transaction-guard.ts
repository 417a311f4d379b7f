import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Refuses a transaction opened from inside another. On SQLite the inner one would wait forever
 * behind the outer in the queue; on PostgreSQL it would not see the outer's writes and could take a
 * second connection the pool may not have. Both are bugs in the caller, so this throws rather than
 * returning a value.
 */
export class TransactionGuard {
  readonly #inside = new AsyncLocalStorage<true>();

  run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#inside.getStore() === true) {
      return Promise.reject(
        new Error(
          'transaction opened inside another: read what it needs before opening the outer one',
        ),
      );
    }
    return this.#inside.run(true, fn);
  }
}
