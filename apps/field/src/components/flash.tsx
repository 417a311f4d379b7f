import { useEffect, useState } from 'react';
import { Notice } from './notice';

const FLASH_KEY = 'jigi.flash';

/** Leaves a one-time message for the next screen (« Fiche finalisée… »). */
export function setFlash(message: string): void {
  sessionStorage.setItem(FLASH_KEY, message);
}

/**
 * Shows the message the previous screen left, once. It is read during render but removed only once
 * shown: a render React throws away (a lazy screen still loading, a Suspense retry) must not eat it.
 */
export function Flash() {
  const [message] = useState(() => sessionStorage.getItem(FLASH_KEY));
  useEffect(() => {
    if (message !== null) sessionStorage.removeItem(FLASH_KEY);
  }, [message]);
  return message ? <Notice tone="success">{message}</Notice> : null;
}
