import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import type { LoggedIn } from '../../sync/register-device';

export type { LoggedIn };

/** Online login (once per user and tablet): registers the device. */
export function LoginScreen({
  onLoggedIn,
  onCancel,
}: {
  onLoggedIn: (loggedIn: LoggedIn) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const { registerDevice } = await import('../../sync/register-device');
    const result = await registerDevice(login.trim(), password, `Tablette ${login.trim()}`);
    setBusy(false);
    if (result.ok) {
      const { ok: _ok, ...loggedIn } = result;
      onLoggedIn(loggedIn);
      return;
    }
    const err = result.error;
    if (err.kind === 'offline') setError(t('errors.offline'));
    else if (err.kind === 'storage') setError(t('errors.storage', { message: err.message }));
    else if (err.kind === 'http' && (err.status === 401 || err.code === 'invalid_credentials'))
      setError(t('errors.invalid_credentials'));
    else if (err.kind === 'http' && err.status === 429) setError(t('errors.rate_limited'));
    else setError(t('errors.generic', { message: err.message }));
  }

  return (
    <main className="page narrow">
      <h1>{t('loginTitle')}</h1>
      <p>{t('loginIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor={`${id}-login`}>{t('login')}</label>
          <input
            id={`${id}-login`}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            value={login}
            onChange={(e) => {
              setLogin(e.target.value);
            }}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
            required
          />
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('backToUnlock')}</Button>}
      </form>
    </main>
  );
}
