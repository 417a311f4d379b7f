// « Something new to send »: forms raise it after finalising; the shell's sync listens and, when the
// tablet is online, sends at once instead of waiting for the next trigger.
const EVENT = 'jigi:local-change';

export function signalLocalChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onLocalChange(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => {
    window.removeEventListener(EVENT, listener);
  };
}
