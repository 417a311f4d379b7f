import { useEffect, useSyncExternalStore } from 'react';

// Whether a form is open: the update banner never reloads the app under an open form.
let openForms = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

/** Call in every form screen: marks a form as open while it is mounted. */
export function useFormOpen(): void {
  useEffect(() => {
    openForms++;
    emit();
    return () => {
      openForms--;
      emit();
    };
  }, []);
}

export function useIsFormOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => openForms > 0,
  );
}
