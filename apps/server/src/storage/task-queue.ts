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
