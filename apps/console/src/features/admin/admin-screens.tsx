import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, matchPath } from '../../lib/router';
import type { Screen, Section } from '../../app/screen';
import { AccountsScreen } from './accounts-screen';
import { AuditScreen } from './audit-screen';
import { HouseholdsScreen } from './households-screen';
import { MicroprojectsScreen } from './microprojects-screen';
import { QuarantineScreen } from './quarantine-screen';
import { SettingsScreen } from './settings-screen';
import { TabletsScreen } from './tablets-screen';
import { VillagesScreen } from './villages-screen';

// The administrators' screens (issue 15, item 3): one menu entry, « Administration », whose page
// lists the screens; each screen comes back to it. The console shows them to admins only; the server
// refuses them to others.

const screens = [
  { path: '/admin/accounts', key: 'accounts', Body: AccountsScreen },
  { path: '/admin/tablets', key: 'tablets', Body: TabletsScreen },
  { path: '/admin/villages', key: 'villages', Body: VillagesScreen },
  { path: '/admin/households', key: 'households', Body: HouseholdsScreen },
  { path: '/admin/microprojects', key: 'microprojects', Body: MicroprojectsScreen },
  { path: '/admin/settings', key: 'settings', Body: SettingsScreen },
  { path: '/admin/audit', key: 'audit', Body: AuditScreen },
  { path: '/admin/quarantine', key: 'quarantine', Body: QuarantineScreen },
] as const;

export function adminSections(t: TFunction): Section[] {
  return [{ id: 'admin', label: t('admin:nav.home'), to: '/admin' }];
}

function AdminHome() {
  const { t } = useTranslation('admin');
  return (
    <ul className="list admin-home" aria-label={t('title')}>
      {screens.map((s) => (
        <li key={s.key}>
          <Link to={s.path} className="btn btn-secondary btn-block">
            {t(`${s.key}.title`)}
          </Link>
          <p>{t(`${s.key}.summary`)}</p>
        </li>
      ))}
    </ul>
  );
}

export function adminScreen(path: string, t: TFunction): Screen | null {
  if (matchPath('/admin', path))
    return { section: 'admin', title: t('admin:title'), body: <AdminHome /> };
  for (const s of screens)
    if (matchPath(s.path, path))
      return {
        section: 'admin',
        title: t(`admin:${s.key}.title`),
        back: '/admin',
        body: <s.Body />,
      };
  return null;
}
