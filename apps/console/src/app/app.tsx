import { I18nextProvider, useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { LockScreen, LoginScreen } from '../features/auth/login-screen';
import { WrongRole } from '../features/auth/wrong-role';
import { i18n } from '../lib/i18n';
import { SessionProvider, useSessionApi } from '../session/session';
import { ConsoleShell } from './console-shell';

/** What the session allows: the login, the lock, the field roles' way out, or the console. */
function SessionGate() {
  const { state } = useSessionApi();
  const { t } = useTranslation();
  switch (state.status) {
    case 'checking':
      return <Notice tone="info">{t('loading')}</Notice>;
    case 'signed-out':
      return (
        <LoginScreen
          {...(state.login !== undefined ? { login: state.login } : {})}
          {...(state.expired !== undefined ? { expired: state.expired } : {})}
        />
      );
    case 'locked':
      return <LockScreen login={state.session.login} name={state.session.user.name} />;
    case 'wrong-role':
      return <WrongRole user={state.user} />;
    case 'signed-in':
      // Keyed by user: another user signing in starts from clean screens.
      return <ConsoleShell key={state.session.user.id} />;
  }
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <div className="shell console">
          <SessionGate />
        </div>
      </SessionProvider>
    </I18nextProvider>
  );
}
