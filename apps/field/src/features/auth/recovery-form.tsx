import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { nowIso } from '../../lib/clock';
import { isValidPin } from '../../lib/pin';
import type { UserRow } from '../../storage/types';
import { recoverWithCode } from '../../storage/user-keys';
import { recordUnlock } from '../../storage/users';

/** Offline way back for a locked-out user: the recovery code, then a new PIN. */
export function RecoveryForm({
  user,
  onRecovered,
  onCancel,
}: {
  user: UserRow;
  onRecovered: (sessionSecret: string, newRecoveryCode: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [code, setCode] = useState('');
  const [pin, setPinText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (!isValidPin(pin)) {
      setError(t('pinInvalid'));
      return;
    }
    if (pin !== confirm) {
      setError(t('pinMismatch'));
      return;
    }
    setBusy(true);
    const res = await recoverWithCode({ userId: user.id, code, newPin: pin });
    setBusy(false);
    if (!res.ok) {
      setError(t('errors.storage', { message: res.error.kind }));
      return;
    }
    if (!res.value.ok) {
      setError(t(res.value.reason === 'revoked' ? 'revoked' : 'recoveryWrong'));
      return;
    }
    await recordUnlock(user.id, nowIso());
    onRecovered(res.value.sessionSecret, res.value.recoveryCode);
  }

  return (
    <main className="page narrow">
      <h1>{t('recoveryTitle')}</h1>
      <p className="lead">{user.name}</p>
      <p>{t('recoveryIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('recoveryCode')}</label>
          <input
            id={`${id}-code`}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('newPin')}</label>
          <input
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => {
              setPinText(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('pinConfirm')}</label>
          <input
            id={`${id}-confirm`}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => {
              setConfirm(e.target.value);
            }}
          />
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" variant="primary" disabled={busy || code.trim() === ''}>
          {t('recoverySubmit')}
        </Button>
        <Button onClick={onCancel}>{t('backToUnlock')}</Button>
      </form>
    </main>
  );
}
