/**
 * Coalesces autosaves: every change calls `schedule(value)`; at most one write is in flight, and when
 * it ends the latest value (if newer) is written next. Nothing typed is dropped and bursts of typing
 * cost one write at a time, not one per keystroke. `flush()` waits until everything is written
 * (before finalising, leaving the form, or the page hiding).
 */
export function createAutosaver<T>(write: (value: T) => Promise<void>, delayMs = 0) {
  let pending: { value: T } | undefined;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function drain(): Promise<void> {
    while (pending) {
      const { value } = pending;
      pending = undefined;
      await write(value);
    }
  }

  function start(): Promise<void> {
    running ??= drain().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    schedule: (value: T): void => {
      pending = { value };
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void start();
      }, delayMs);
    },
    flush: async (): Promise<void> => {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      while (pending || running) await start();
    },
  };
}
