import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** How long a deletion can be undone. Long enough to read and tap, short enough not to linger. */
export const UNDO_FOR_MS = 8000;

type Offer = { message: string; undo: () => Promise<void>; timer: ReturnType<typeof setTimeout> };

// One offer at a time, outside React: the screen that made it (a form) is gone by the time the list
// it led back to shows the toast.
let offer: Offer | null = null;
const listeners = new Set<() => void>();
function set(next: Offer | null): void {
  if (offer) clearTimeout(offer.timer);
  offer = next;
  for (const l of listeners) l();
}

/** Shows « message — Annuler » on the next screen for `ms`; `undo` runs if the user taps it. */
export function offerUndo(message: string, undo: () => Promise<void>, ms = UNDO_FOR_MS): void {
  const timer = setTimeout(() => {
    if (offer?.timer === timer) set(null);
  }, ms);
  set({ message, undo, timer });
}

function useOffer(): Offer | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => offer,
  );
}

/** The pending undo, if any (placed on the screens a deletion leads back to). */
export function UndoToast() {
  const { t } = useTranslation();
  const current = useOffer();
  if (!current) return null;
  return (
    <div className="notice notice-info row" role="status">
      <span className="grow">{current.message}</span>
      <Button
        onClick={() => {
          set(null);
          void current.undo();
        }}
      >
        {t('undo')}
      </Button>
    </div>
  );
}
