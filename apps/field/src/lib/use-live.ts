import { useEffect, useState } from 'react';
import type { Subscribable } from '../storage/live';
import { watch } from '../storage/live';

export type Live<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * A read from the tablet database that stays current: re-runs when the tables it read change.
 * `deps` are the inputs of `read` (like useEffect's).
 */
export function useLive<T>(read: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const source: Subscribable<T> = watch(read);
    return source.subscribe(
      (value) => {
        setState({ status: 'ready', value });
      },
      (error: unknown) => {
        setState({ status: 'error', error });
      },
    );
  }, deps);
  return state;
}

/** The value once loaded, else `fallback`. */
export function liveValue<T>(live: Live<T>, fallback: T): T {
  return live.status === 'ready' ? live.value : fallback;
}
