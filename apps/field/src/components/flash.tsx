import { useState } from 'react';
import { Notice } from './notice';

/** A one-time message left by the previous screen (« Fiche finalisée… »). */
export function Flash() {
  const [message] = useState(() => {
    const m = sessionStorage.getItem('jigi.flash');
    sessionStorage.removeItem('jigi.flash');
    return m;
  });
  return message ? <Notice tone="success">{message}</Notice> : null;
}
