import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../lib/session';

/** Where the console lives: the same server, under /console/ (apps/console), signed in by password. */
export const CONSOLE_URL = '/console/';

/**
 * What a supervisor or an administrator sees in the tablet app: their work is in the console, on a
 * laptop, with their password. The tablet app keeps only the field roles' work.
 */
export function ConsoleMoved() {
  const { t } = useTranslation('console-moved');
  const { user } = useSession();
  return (
    <Page title={t('title')}>
      <Notice tone="info">{t('body', { name: user.name })}</Notice>
      <a className="btn btn-primary btn-block" href={CONSOLE_URL}>
        {t('open')}
      </a>
      <p className="small">{t('address', { url: `${window.location.origin}${CONSOLE_URL}` })}</p>
    </Page>
  );
}
