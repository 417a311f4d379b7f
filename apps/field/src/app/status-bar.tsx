import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { formatBytes } from '../lib/format';
import {
  requestPersistence,
  storageUse,
  type PersistResult,
  type StorageUse,
} from '../storage/device-storage';
import { getMeta, setMeta } from '../storage/meta';

/**
 * Asks for persistent storage (first run, and on every start while it is not granted: the browser
 * may grant it later, e.g. once the app is installed), remembers the answer; `askAgain` for the
 * button that follows the advice.
 */
export function usePersistence(): {
  result: PersistResult | undefined;
  askAgain: () => Promise<PersistResult>;
} {
  const [result, setResult] = useState<PersistResult>();
  const ask = useCallback(async () => {
    const answer = await requestPersistence();
    await setMeta('persist', answer);
    setResult(answer);
    return answer;
  }, []);
  useEffect(() => {
    void (async () => {
      const known = await getMeta<PersistResult>('persist');
      if (known.ok && known.value === 'granted') {
        setResult('granted');
        return;
      }
      await ask();
    })();
  }, [ask]);
  return { result, askAgain: ask };
}

/**
 * The tablet's storage in the details under the header: how much is used, and — only while the
 * browser may erase it — what to do about it. Nothing at all once storage is persistent.
 */
export function StorageDetails({
  persist,
  askAgain,
  drafts,
}: {
  persist: PersistResult | undefined;
  askAgain: () => Promise<PersistResult>;
  drafts: number;
}) {
  const { t } = useTranslation('frame');
  const [use, setUse] = useState<StorageUse>();
  const [stillDenied, setStillDenied] = useState(false);
  useEffect(() => {
    void storageUse().then(setUse);
  }, [drafts]);
  return (
    <>
      {use && (
        <p className="small">
          {t('common:statusBar.storageUsed', { used: formatBytes(use.usedBytes) })}
        </p>
      )}
      {persist === 'denied' && (
        <Notice tone="warning">
          <p>
            <strong>{t('persist.denied')}</strong>
          </p>
          <p>{t('persist.deniedHow')}</p>
          <Button
            onClick={() => {
              void askAgain().then((answer) => {
                setStillDenied(answer !== 'granted');
              });
            }}
          >
            {t('persist.askAgain')}
          </Button>
          {stillDenied && <p role="status">{t('persist.stillDenied')}</p>}
        </Notice>
      )}
      {persist === 'unsupported' && <Notice tone="warning">{t('persist.unsupported')}</Notice>}
    </>
  );
}
