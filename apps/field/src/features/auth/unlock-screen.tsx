import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import type { UserRow } from '../../storage/types';
import type { UnlockState } from '../../storage/user-keys';
import { RecoveryForm } from './recovery-form';
import { tryPin } from './unlock-actions';

export { MAX_PIN_ATTEMPTS } from './unlock-actions';

export interface Unlocked {
  user: UserRow;
  sessionSecret: string;
  /** A new recovery code to show before the app (first unlock after the update, or a recovery). */
  recoveryCode?: string;
}

/**
 * Offline unlock with the user's PIN. The user who locked (or was last active) is offered first: five
 * wrong PINs lock out the chosen account only. A locked-out user gets back in with their password
 * online, or offline with their recovery code.
 */
export function UnlockScreen({
  users,
  states,
  preselect,
  onUnlocked,
  onOtherAccount,
  onStateChanged,
}: {
  users: UserRow[];
  states: Readonly<Record<string, UnlockState>>;
  /** The user who locked the tablet (or was last active), offered first. */
  preselect?: string | undefined;
  onUnlocked: (unlocked: Unlocked) => void;
  onOtherAccount: () => void;
  /** A user was locked out (or found revoked): the caller reads the states again. */
  onStateChanged?: () => void;
}) {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const id = useId();
  const first = users.find((u) => u.id === preselect) ?? users[0];
  const [userId, setUserId] = useState(first?.id ?? '');
  const [pin, setPinText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const user = users.find((u) => u.id === userId);
  const state: UnlockState = user ? (states[user.id] ?? 'no_pin') : 'no_pin';

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (!user || busy) return;
    setBusy(true);
    const attempt = await tryPin(user.id, pin);
    setBusy(false);
    setPinText('');
    switch (attempt.kind) {
      case 'unlocked':
        onUnlocked({
          user,
          sessionSecret: attempt.sessionSecret,
          ...(attempt.recoveryCode !== undefined ? { recoveryCode: attempt.recoveryCode } : {}),
        });
        return;
      case 'wrong':
        setError(t('pinWrong', { count: attempt.left }));
        return;
      case 'storage':
        setError(t('errors.storage', { message: attempt.detail }));
        return;
      case 'locked_out':
      case 'revoked':
      case 'no_pin':
        setError(null);
        onStateChanged?.();
        return;
    }
  }

  if (user && recovering)
    return (
      <RecoveryForm
        user={user}
        onRecovered={(sessionSecret, recoveryCode) => {
          onUnlocked({ user, sessionSecret, recoveryCode });
        }}
        onCancel={() => {
          setRecovering(false);
        }}
      />
    );

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
                setPinText('');
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
        {state === 'ready' ? (
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
          <Notice tone="warning">
            {t(state === 'revoked' ? 'revoked' : state === 'no_pin' ? 'noPin' : 'pinLocked')}
          </Notice>
        )}
        {state === 'locked_out' && (
          <Button
            onClick={() => {
              setRecovering(true);
            }}
          >
            {t('useRecoveryCode')}
          </Button>
        )}
        {error && <Notice tone="error">{error}</Notice>}
        <Button onClick={onOtherAccount}>{t('otherAccount')}</Button>
      </form>
    </main>
  );
}
