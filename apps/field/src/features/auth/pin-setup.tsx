import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { hashPin, isValidPin } from '../../lib/pin';
import { setPin } from '../../storage/users';
import type { UserRow } from '../../storage/types';

export function PinSetup({ user, onDone }: { user: UserRow; onDone: (user: UserRow) => void }) {
  const { t } = useTranslation('auth');
  const id = useId();
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
    const hash = await hashPin(pin);
    const saved = await setPin(user.id, hash);
    setBusy(false);
    if (!saved.ok) {
      setError(t('errors.storage', { message: saved.error.kind }));
      return;
    }
    onDone({ ...user, pin: hash });
  }

  return (
    <main className="page narrow">
      <h1>{t('pinTitle')}</h1>
      <p>{t('pinIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('pin')}</label>
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
        <Button type="submit" variant="primary" disabled={busy}>
          {t('pinSave')}
        </Button>
      </form>
    </main>
  );
}
