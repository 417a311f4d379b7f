import type { TFunction } from 'i18next';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/http';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { IDLE_LOCK_MS, useSessionApi } from '../../session/session';

/** The server's French message for a refused login, or what to check when it did not answer. */
function failureText(error: ApiError, t: TFunction<'auth'>): string {
  if (error.kind === 'offline') return t('offline');
  return t('failed', { message: error.message });
}

function PasswordForm({
  initialLogin,
  loginEditable,
  submitLabel,
  onSubmit,
}: {
  initialLogin: string;
  loginEditable: boolean;
  submitLabel: string;
  onSubmit: (
    login: string,
    password: string,
  ) => Promise<{ ok: true } | { ok: false; error: ApiError }>;
}) {
  const { t } = useTranslation('auth');
  const [login, setLogin] = useState(initialLogin);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (login.trim() === '' || password === '') {
      setError(t('required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    void onSubmit(login.trim(), password).then((outcome) => {
      setBusy(false);
      if (!outcome.ok) {
        setPassword('');
        setError(failureText(outcome.error, t));
      }
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <label className="field">
        <span>{t('login')}</span>
        <input
          name="login"
          autoComplete="username"
          value={login}
          readOnly={!loginEditable}
          onChange={(e) => {
            setLogin(e.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t('password')}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          // The lock screen's one field: the password is what is asked.
          autoFocus={!loginEditable}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
      </label>
      <Button type="submit" variant="primary" className="btn-block" disabled={busy}>
        {busy ? t('submitting') : submitLabel}
      </Button>
    </form>
  );
}

/** Password login for supervisors and administrators (no tablet, no PIN). */
export function LoginScreen({ login, expired }: { login?: string; expired?: boolean }) {
  const { t } = useTranslation('auth');
  const { signIn } = useSessionApi();
  return (
    <Page title={t('loginTitle')} narrow>
      <p>{t('loginIntro')}</p>
      {expired === true && <Notice tone="info">{t('expired')}</Notice>}
      <PasswordForm
        initialLogin={login ?? ''}
        loginEditable
        submitLabel={t('submit')}
        onSubmit={signIn}
      />
    </Page>
  );
}

/** After inactivity: the same user's password opens a new session; or someone else signs in. */
export function LockScreen({ login, name }: { login: string; name: string }) {
  const { t } = useTranslation('auth');
  const { unlock, switchUser } = useSessionApi();
  return (
    <Page title={t('lockedTitle')} narrow>
      <p>{t('lockedIntro', { minutes: IDLE_LOCK_MS / 60_000, name })}</p>
      <PasswordForm
        initialLogin={login}
        loginEditable={false}
        submitLabel={t('unlock')}
        onSubmit={(_login, password) => unlock(password)}
      />
      <Button variant="ghost" className="btn-block" onClick={switchUser}>
        {t('switchUser')}
      </Button>
    </Page>
  );
}
