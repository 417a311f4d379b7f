import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { useLive } from '../../lib/use-live';
import { leaveCheck } from '../../storage/sync-session';
import { exportUnsynced } from '../export-unsynced';

const NS = 'sync-engine';

/** Hands the file to the browser's download (Android Chrome saves it in « Téléchargements »). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/gzip' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * « Exporter les fiches non envoyées » and whether the user may leave (logout / user switch is allowed
 * once everything is synced or exported). Mount on the sync screen and in the refusal shown when a
 * user switch is refused.
 */
export function ExportPanel({ userId }: { userId: string }) {
  const { t } = useTranslation(NS);
  const [message, setMessage] = useState<{
    tone: 'success' | 'info' | 'error';
    text: string;
    /** After a file was written: who can import it (what the console allows). */
    next?: string;
  }>();
  const check = useLive(async () => {
    const res = await leaveCheck(userId);
    return res.ok ? res.value : undefined;
  }, [userId]);
  const leave = check.status === 'ready' ? check.value : undefined;
  const run = () => {
    void exportUnsynced({
      userId,
      now: new Date().toISOString(),
      newId: () => crypto.randomUUID(),
    }).then((res) => {
      if (res.ok) {
        download(res.fileName, res.bytes);
        setMessage({
          tone: 'success',
          text: t('export.done', { count: res.mutations, file: res.fileName }),
          next: t('export.importWho'),
        });
      } else if (res.error.kind === 'nothing')
        setMessage({ tone: 'info', text: t('export.nothing') });
      else setMessage({ tone: 'error', text: t('export.failed', { message: res.error.message }) });
    });
  };
  return (
    <section aria-label={t('export.button')}>
      <p>{t('export.help')}</p>
      <Button onClick={run} data-testid="export-unsynced">
        {t('export.button')}
      </Button>
      {message && (
        <Notice tone={message.tone}>
          <p>{message.text}</p>
          {message.next && <p data-testid="export-import-who">{message.next}</p>}
        </Notice>
      )}
      {leave &&
        (leave.unsent === 0 ? (
          <p data-testid="leave-allowed">{t('leave.allowed')}</p>
        ) : (
          <p data-testid="leave-refused">{t('leave.refused', { count: leave.unsent })}</p>
        ))}
    </section>
  );
}
