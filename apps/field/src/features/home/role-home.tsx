import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import type { ModuleTile } from '../../lib/field-module';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { Role } from '../../storage/types';

type Tile = { to: string; title: string; hint?: string; primary?: boolean };

/** A module's tile with its strings. */
function shown(tile: ModuleTile, t: (k: string) => string): Tile {
  return {
    to: tile.to,
    title: t(tile.title),
    ...(tile.hint ? { hint: t(tile.hint) } : {}),
    ...(tile.primary ? { primary: true } : {}),
  };
}

function tilesFor(role: Role, work: readonly ModuleTile[], t: (k: string) => string): Tile[] {
  const corrections: Tile = { to: '/corrections', title: t('toCorrect'), hint: t('toCorrectHint') };
  const history: Tile = { to: '/sync', title: t('history') };
  switch (role) {
    case 'enumerator':
    case 'facilitator':
    case 'field_agent':
      return [...work.map((tile) => shown(tile, t)), corrections, history];
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

/**
 * The home screen: what this role does, as big tiles. `work` are the tiles of the modules the role
 * captures (the app reads them from the module registry).
 */
export function RoleHome({ work }: { work: readonly ModuleTile[] }) {
  const { t } = useTranslation('home');
  const { user } = useSession();
  return (
    <Page title={t('hello', { name: user.name })}>
      <ul className="tiles">
        {tilesFor(user.role, work, t).map((tile) => (
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
