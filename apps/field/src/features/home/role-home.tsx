import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import type { ModuleTile } from '../../lib/field-module';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { Role } from '../../storage/types';

// Tiles hold i18n keys of the `home` namespace (or `<ns>:<key>`), read when drawn.
const corrections: ModuleTile = { to: '/corrections', title: 'toCorrect', hint: 'toCorrectHint' };
const history: ModuleTile = { to: '/sync', title: 'history' };
const supervision: ModuleTile = {
  to: '/supervision',
  title: 'supervision',
  hint: 'supervisionHint',
};

function tilesFor(role: Role, work: readonly ModuleTile[]): readonly ModuleTile[] {
  switch (role) {
    case 'enumerator':
    case 'facilitator':
    case 'field_agent':
      return [...work, corrections, history];
    case 'supervisor':
      return [{ ...supervision, primary: true }];
    case 'admin':
      return [
        { to: '/admin', title: 'admin', primary: true },
        { to: '/supervision/imports', title: 'importTablet', hint: 'importTabletHint' },
        supervision,
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
        {tilesFor(user.role, work).map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className={`tile${tile.primary ? ' tile-primary' : ''}`}>
              <span className="tile-title">{t(tile.title)}</span>
              {tile.hint && <span className="tile-hint">{t(tile.hint)}</span>}
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
