import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { nowIso } from '../../lib/clock';
import { verifyPin } from '../../lib/pin';
import { clearPin, recordPinFailure, recordUnlock } from '../../storage/users';
import type { UserRow } from '../../storage/types';

export const MAX_PIN_ATTEMPTS = 5;

/** Offline unlock with the user's PIN. After 5 wrong PINs the PIN is erased: online login again. */
export function UnlockScreen({
  users,
  onUnlocked,
  onOtherAccount,
}: {
  users: UserRow[];
  onUnlocked: (user: UserRow) => void;
  onOtherAccount: () => void;
}) {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const id = useId();
  const [userId, setUserId] = useState(users[0]?.id ?? '');
  const [pin, setPinText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const user = users.find((u) => u.id === userId);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (!user?.pin) return;
    setBusy(true);
    const ok = await verifyPin(pin, user.pin);
    if (ok) {
      await recordUnlock(user.id, nowIso());
      setBusy(false);
      onUnlocked(user);
      return;
    }
    const failures = await recordPinFailure(user.id);
    const count = failures.ok ? failures.value : MAX_PIN_ATTEMPTS;
    setBusy(false);
    setPinText('');
    if (count >= MAX_PIN_ATTEMPTS) {
      await clearPin(user.id);
      setError(t('pinLocked'));
    } else {
      setError(t('pinWrong', { count: MAX_PIN_ATTEMPTS - count }));
    }
  }

  return (
    <main className="page narrow">
      <h1>{t('unlockTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack">
        {users.length > 1 ? (
          <div className="field">
            <label htmlFor={`${id}-user`}>{t('whoAreYou')}</label>
            <select
              id={`${id}-user`}
              value={userId}
              onChange={(e) => {
                setUserId(e.target.value);
                setError(null);
              }}
            >
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.login})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="lead">
            {user?.name} — {user ? tc(`roles.${user.role}`) : ''}
          </p>
        )}
        {user?.pin ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-pin`}>{t('pin')}</label>
              <input
                id={`${id}-pin`}
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                autoFocus
                value={pin}
                onChange={(e) => {
                  setPinText(e.target.value);
                }}
              />
            </div>
            <Button type="submit" variant="primary" disabled={busy || pin.length === 0}>
              {busy ? t('unlocking') : t('unlock')}
            </Button>
          </>
        ) : (
          <Notice tone="warning">{t('pinLocked')}</Notice>
        )}
        {error && <Notice tone="error">{error}</Notice>}
        <Button onClick={onOtherAccount}>{t('otherAccount')}</Button>
      </form>
    </main>
  );
}
