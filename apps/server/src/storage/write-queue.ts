/**
 * Runs async tasks one at a time, in arrival order: the SQLite store's one connection serves one
 * transaction at a time, and its transactions await between statements.
 */
export class TaskQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#waiting++;
    const result = this.#tail.then(task);
    const settle = () => {
      this.#waiting--;
    };
    this.#tail = result.then(settle, settle);
    return result;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.#waiting;
  }
}
