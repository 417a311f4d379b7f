import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../lib/format';
import { useLive } from '../lib/use-live';
import {
  requestPersistence,
  storageUse,
  type PersistResult,
  type StorageUse,
} from '../storage/device-storage';
import { getMeta, setMeta } from '../storage/meta';
import { localCounts } from '../storage/counts';

function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
  );
}

/** Asks for persistent storage once (first run), remembers and shows the answer. */
function usePersistence(): PersistResult | undefined {
  const [result, setResult] = useState<PersistResult>();
  useEffect(() => {
    void (async () => {
      const known = await getMeta<PersistResult>('persist');
      // Ask again while not granted: the browser may grant it later (installed app, more use).
      if (known.ok && known.value === 'granted') {
        setResult('granted');
        return;
      }
      const answer = await requestPersistence();
      await setMeta('persist', answer);
      setResult(answer);
    })();
  }, []);
  return result;
}

/** Always visible: unsynced records, drafts, storage used and whether it is protected, network. */
export function StatusBar({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const counts = useLive(() => localCounts(userId), [userId]);
  const [use, setUse] = useState<StorageUse>();
  const persist = usePersistence();
  const online = useOnline();
  const c = counts.status === 'ready' ? counts.value : undefined;
  useEffect(() => {
    void storageUse().then(setUse);
  }, [c?.unsynced, c?.drafts]);
  return (
    <div className="status-bar" aria-label={t('statusBar.label')}>
      <span
        className={`pill ${c && c.unsynced > 0 ? 'pill-warn' : 'pill-ok'}`}
        data-testid="unsynced-count"
      >
        {t('statusBar.unsynced', { count: c?.unsynced ?? 0 })}
      </span>
      <span className="pill">{t('statusBar.drafts', { count: c?.drafts ?? 0 })}</span>
      {use && (
        <span className="pill">
          {t('statusBar.storageUsed', { used: formatBytes(use.usedBytes) })}
        </span>
      )}
      {persist && (
        <span className={`pill ${persist === 'granted' ? 'pill-ok' : 'pill-warn'}`}>
          {persist === 'granted'
            ? t('statusBar.persistGranted')
            : persist === 'denied'
              ? t('statusBar.persistDenied')
              : t('statusBar.persistUnsupported')}
        </span>
      )}
      <span className={`pill ${online ? 'pill-ok' : 'pill-off'}`}>
        {online ? t('statusBar.online') : t('statusBar.offline')}
      </span>
    </div>
  );
}
