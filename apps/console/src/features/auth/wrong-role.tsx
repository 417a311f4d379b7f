import type { SessionUser } from '@jigi/sync';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSessionApi } from '../../session/session';

/** A field role signed in here: their work is in the tablet app, at the site's root. */
export function WrongRole({ user }: { user: SessionUser }) {
  const { t } = useTranslation('auth');
  const common = useTranslation().t;
  const { switchUser } = useSessionApi();
  return (
    <Page title={t('wrongRoleTitle')} narrow>
      <Notice tone="warning">
        {t('wrongRole', { name: user.name, role: common(`roles.${user.role}`) })}
      </Notice>
      <a className="btn btn-primary btn-block" href="/">
        {t('openFieldApp')}
      </a>
      <Button variant="ghost" className="btn-block" onClick={switchUser}>
        {t('otherAccount')}
      </Button>
    </Page>
  );
}
