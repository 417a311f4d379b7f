// Tests run without a service worker: the update hook reports "no update".
export function useRegisterSW() {
  return {
    needRefresh: [false, () => undefined],
    offlineReady: [false, () => undefined],
    updateServiceWorker: () => Promise.resolve(),
  };
}
