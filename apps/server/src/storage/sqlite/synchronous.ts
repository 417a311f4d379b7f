/**
 * A port as better-sqlite3 answers it: the same methods, returning their values directly. The SQLite
 * stores are written synchronously (the driver is) and `asAsync` turns them into the async port the
 * rest of the server sees; the store's queue already gives each transaction the connection alone.
 */
export type Synchronous<Port> = {
  [K in keyof Port]: Port[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => R
    : never;
};

export function asAsync<Port extends object>(sync: Synchronous<Port>): Port {
  const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(
    sync as Record<string, (...args: unknown[]) => unknown>,
  )) {
    wrapped[name] = (...args) => {
      try {
        return Promise.resolve(fn(...args));
      } catch (e: unknown) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  }
  return wrapped as Port;
}
