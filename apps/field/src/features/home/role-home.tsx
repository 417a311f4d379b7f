import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import type { ModuleTile } from '../../lib/field-module';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';

// Tiles hold i18n keys of the `home` namespace (or `<ns>:<key>`), read when drawn.
const corrections: ModuleTile = { to: '/corrections', title: 'toCorrect', hint: 'toCorrectHint' };
const history: ModuleTile = { to: '/sync', title: 'history' };

/**
 * The home screen of a field role: what it does, as big tiles. `work` are the tiles of the modules
 * the role captures (the app reads them from the module registry); supervisors and admins are sent to
 * the console instead (features/console-moved).
 */
export function RoleHome({ work }: { work: readonly ModuleTile[] }) {
  const { t } = useTranslation('home');
  const { user } = useSession();
  return (
    <Page title={t('hello', { name: user.name })}>
      <ul className="tiles">
        {[...work, corrections, history].map((tile) => (
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
