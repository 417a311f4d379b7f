import type { AdminUser } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { updateUser } from './admin-api';

/** A new password the administrator gives the person (by phone, on paper): 8 characters at least. */
export function PasswordReset({
  user,
  onSaved,
  onCancel,
}: {
  user: AdminUser;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await updateUser(user.id, { password });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error.kind === 'http' ? result.error.message : t('errorGeneric'));
  };
  return (
    <form
      className="stack"
      aria-label={t('accounts.resetOf', { name: user.name })}
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      <h2>{t('accounts.resetOf', { name: user.name })}</h2>
      <div className="field">
        <label htmlFor={id}>{t('accounts.newPassword')}</label>
        <input
          id={id}
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        <small>{t('accounts.passwordHelp')}</small>
      </div>
      {error !== null && <Notice tone="error">{error}</Notice>}
      <div className="row">
        <Button type="submit" variant="primary" disabled={busy || password.length < 8}>
          {t('accounts.reset')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
