import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../api/http';

export type Remote<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; value: T };

/**
 * A server read: loading → ready | error, again whenever `key` changes. `reload()` reads again but
 * keeps showing the current data until the new answer arrives (a decision's confirmation stays on
 * screen). A response that arrives after the inputs changed is dropped (aborted), so a quick change
 * of filters never shows the previous filter's data.
 */
export function useRemote<T>(
  load: (signal: AbortSignal) => Promise<ApiResult<T>>,
  key: string,
): Remote<T> & { reload: () => void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const shownKey = useRef<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const fullKey = key;
    // New inputs: show loading. Same inputs (reload): keep the data, but a retry after an error shows loading.
    if (shownKey.current !== fullKey) setState({ status: 'loading' });
    else setState((s) => (s.status === 'error' ? { status: 'loading' } : s));
    void load(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      shownKey.current = fullKey;
      setState(
        result.ok
          ? { status: 'ready', value: result.value }
          : { status: 'error', error: result.error },
      );
    });
    return () => {
      controller.abort();
    };
    // `load` is a new closure each render; `key` names everything it depends on.
  }, [key, round]);
  const reload = useCallback(() => {
    setRound((n) => n + 1);
  }, []);
  return { ...state, reload };
}
