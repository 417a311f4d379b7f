import type { ReactNode } from 'react';
import { Button } from './button';
import { Notice } from './notice';
import type { Remote } from '../hooks/use-remote';
import { useSupervisorT } from '../lib/i18n';
import { apiErrorText } from './api-error-text';

/** The four states of a server read: loading, error (with retry), empty, data. */
export function RemoteView<T>({
  remote,
  reload,
  isEmpty,
  empty,
  children,
}: {
  remote: Remote<T>;
  reload: () => void;
  isEmpty?: (value: T) => boolean;
  empty?: string;
  children: (value: T) => ReactNode;
}) {
  const { t } = useSupervisorT();
  if (remote.status === 'loading') return <Notice tone="info">{t('loading')}</Notice>;
  if (remote.status === 'error')
    return (
      <div className="stack">
        <Notice tone="error">{apiErrorText(remote.error, t)}</Notice>
        <div>
          <Button onClick={reload}>{t('retry')}</Button>
        </div>
      </div>
    );
  if (isEmpty?.(remote.value)) return <Notice tone="info">{empty ?? t('empty')}</Notice>;
  return <>{children(remote.value)}</>;
}
