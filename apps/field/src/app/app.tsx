import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { StorageErrorMessage } from '../components/storage-error-message';
import { i18n } from '../lib/i18n';
import type { StorageError } from '../storage/errors';
import { openDatabase, type OpenEvent } from '../storage/open';
import { AuthGate } from './auth-gate';
import { UpdateBanner } from './update-banner';

type Boot = { status: 'opening' } | { status: 'ready' } | { status: 'failed'; error: StorageError };

/** Opens the database first: a failed upgrade or a full disk is a French message, never a blank screen. */
function Boot() {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ status: 'opening' });
  const [event, setEvent] = useState<OpenEvent | null>(null);
  useEffect(() => {
    let live = true;
    void openDatabase(setEvent).then((result) => {
      if (!live) return;
      setBoot(result.ok ? { status: 'ready' } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <UpdateBanner />
      {event === 'blocked' && (
        <StorageErrorMessage error={{ kind: 'blocked', detail: 'blocked' }} />
      )}
      {event === 'versionchange' && (
        <StorageErrorMessage error={{ kind: 'closed', detail: 'versionchange' }} reload />
      )}
      {boot.status === 'opening' && <Notice tone="info">{t('loading')}</Notice>}
      {boot.status === 'failed' && (
        <main className="page">
          <StorageErrorMessage error={boot.error} reload />
        </main>
      )}
      {boot.status === 'ready' && <AuthGate />}
    </>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <Boot />
    </I18nextProvider>
  );
}
