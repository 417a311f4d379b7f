/**
 * Runs async tasks one at a time, in arrival order: the SQLite store's one connection serves one
 * transaction at a time, and its transactions await between statements.
 */
export class TaskQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // The next task waits for this one to settle, whether it resolved or threw.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * At most `slots` tasks at once, the others waiting in arrival order. The PostgreSQL store takes a
 * slot per transaction before asking the pool for a connection, so the pool never queues: its
 * connect timeout then measures only a database that does not answer, not a busy moment (a burst of
 * 200 tablets waited more than the timeout for a free connection and was told the database was away).
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.#free = slots;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free++;
      else next();
    }
  }
}
