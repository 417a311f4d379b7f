import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { Role } from '../../storage/types';

type Tile = { to: string; title: string; hint?: string; primary?: boolean };

function tilesFor(role: Role, t: (k: string) => string): Tile[] {
  const corrections: Tile = { to: '/corrections', title: t('toCorrect'), hint: t('toCorrectHint') };
  const history: Tile = { to: '/sync', title: t('history') };
  switch (role) {
    case 'enumerator':
      return [
        { to: '/ciblage/new', title: t('newCiblage'), primary: true },
        { to: '/ciblage', title: t('ciblage'), hint: t('ciblageHint') },
        corrections,
        history,
      ];
    case 'facilitator':
      return [
        { to: '/ma/new', title: t('newMa'), primary: true },
        { to: '/ma', title: t('ma'), hint: t('maHint') },
        corrections,
        history,
      ];
    case 'field_agent':
      return [
        { to: '/pnp/new', title: t('newPnp'), primary: true },
        { to: '/pnp', title: t('pnp'), hint: t('pnpHint') },
        { to: '/himo', title: t('himo'), hint: t('himoHint'), primary: true },
        corrections,
        history,
      ];
    case 'supervisor':
      return [
        { to: '/supervision', title: t('supervision'), hint: t('supervisionHint'), primary: true },
      ];
    case 'admin':
      return [
        { to: '/admin', title: t('admin'), primary: true },
        { to: '/supervision/imports', title: t('importTablet'), hint: t('importTabletHint') },
        { to: '/supervision', title: t('supervision'), hint: t('supervisionHint') },
      ];
  }
}

/** The home screen: what this role does, as big tiles. */
export function RoleHome() {
  const { t } = useTranslation('home');
  const { user } = useSession();
  return (
    <Page title={t('hello', { name: user.name })}>
      <ul className="tiles">
        {tilesFor(user.role, t).map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className={`tile${tile.primary ? ' tile-primary' : ''}`}>
              <span className="tile-title">{tile.title}</span>
              {tile.hint && <span className="tile-hint">{tile.hint}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** Until the supervisor console lands (features/supervisor, another engineer). */
export function ConsolePlaceholder({ title }: { title: string }) {
  const { t } = useTranslation('home');
  return (
    <Page title={title} back="/">
      <p>{t('placeholder')}</p>
    </Page>
  );
}
