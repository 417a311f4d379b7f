import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { nowIso } from '../../lib/clock';
import { isValidPin } from '../../lib/pin';
import type { UserRow } from '../../storage/types';
import { enrolUser } from '../../storage/user-keys';
import { recordUnlock } from '../../storage/users';
import type { Unlocked } from './unlock-screen';

/**
 * The PIN chosen after a password login: it and a new recovery code wrap the user's new data key,
 * each also under the server's share when the login brought it (docs/tablet-security.md).
 */
export function PinSetup({
  user,
  share,
  keyId,
  onDone,
}: {
  user: UserRow;
  share: Uint8Array<ArrayBuffer> | null;
  keyId?: string | undefined;
  onDone: (unlocked: Unlocked) => void;
}) {
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
    const enrolled = await enrolUser({ userId: user.id, pin, share, keyId });
    setBusy(false);
    if (!enrolled.ok) {
      setError(t('errors.storage', { message: enrolled.error.kind }));
      return;
    }
    await recordUnlock(user.id, nowIso());
    onDone({ user, ...enrolled.value });
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
          {busy ? t('preparing') : t('pinSave')}
        </Button>
      </form>
    </main>
  );
}
