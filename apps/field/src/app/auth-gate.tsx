import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { StorageErrorMessage } from '../components/storage-error-message';
import { LoginScreen } from '../features/auth/login-screen';
import { PinSetup } from '../features/auth/pin-setup';
import { RecoveryCodeNotice } from '../features/auth/recovery-code-notice';
import { UnlockScreen, type Unlocked } from '../features/auth/unlock-screen';
import { navigate } from '../lib/router';
import type { LoggedIn } from '../sync/register-device';
import { SessionContext, type Session } from '../lib/session';
import { dropAllDataKeys } from '../storage/crypto/keyring';
import type { StorageError } from '../storage/errors';
import { sealLegacyRows } from '../storage/legacy-sealing';
import { getMeta, setMeta } from '../storage/meta';
import { leaveCheck } from '../storage/sync-session';
import { saveRegistration } from '../storage/sync-state';
import type { UserRow } from '../storage/types';
import {
  allUserKeys,
  endSession,
  resumeSession,
  unlockStateOf,
  type UnlockState,
} from '../storage/user-keys';
import { listUsers } from '../storage/users';
import { resumePath } from './last-path';
import { Shell } from './shell';

// The unlocked user survives a reload of the same tab (an update, a crash of the page) but not the
// closing of the tab: the tab keeps, in sessionStorage (never localStorage), the user and the secret
// that opens their session wrap (storage/user-keys.ts). Locking deletes the wrap.
const SESSION_KEY = 'jigi.unlockedUser';
const SESSION_SECRET_KEY = 'jigi.sessionSecret';
const ACTIVE_USER_KEY = 'activeUserId';

type Screen =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'pin'; loggedIn: LoggedIn }
  | { kind: 'unlock' }
  | { kind: 'recoveryCode'; unlocked: Unlocked & { recoveryCode: string } }
  | { kind: 'app'; user: UserRow };

export function AuthGate() {
  const { t } = useTranslation('auth');
  const [users, setUsers] = useState<UserRow[]>([]);
  const [states, setStates] = useState<Record<string, UnlockState>>({});
  const [activeUserId, setActiveUserId] = useState<string | undefined>(undefined);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [error, setError] = useState<StorageError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [switchAllowed, setSwitchAllowed] = useState(true);
  // A password login's device token, stored once that user's key is open (sealed under it).
  const [pendingLogin, setPendingLogin] = useState<LoggedIn | null>(null);

  const readUsers = useCallback(async () => {
    const [res, keys] = await Promise.all([listUsers(), allUserKeys()]);
    if (!res.ok || !keys.ok) {
      setError(!res.ok ? res.error : keys.ok ? null : keys.error);
      return undefined;
    }
    const keysOf = new Map(keys.value.map((k) => [k.userId, k]));
    setStates(
      Object.fromEntries(
        res.value.map((u) => [u.id, unlockStateOf(keysOf.get(u.id), u.pin !== null)]),
      ),
    );
    // While the last user has changes neither synced nor exported to a file, the tablet stays theirs:
    // only they can unlock it (docs/decisions.md §4; a storage failure counts as unsent). Read on
    // index keys only: their rows are sealed and their key is not held.
    const active = await getMeta<string>(ACTIVE_USER_KEY);
    const activeUser = active.ok ? res.value.find((u) => u.id === active.value) : undefined;
    const leave = activeUser ? await leaveCheck(activeUser.id) : undefined;
    const mustStay = leave !== undefined && (!leave.ok || leave.value.unsent > 0);
    setUsers(activeUser && mustStay ? [activeUser] : res.value);
    setActiveUserId(activeUser?.id);
    setSwitchAllowed(!mustStay);
    return res.value;
  }, []);

  const reload = useCallback(async () => {
    const all = await readUsers();
    if (!all) return;
    const remembered = sessionStorage.getItem(SESSION_KEY);
    const secret = sessionStorage.getItem(SESSION_SECRET_KEY);
    const user = all.find((u) => u.id === remembered);
    if (user && secret) {
      const resumed = await resumeSession(user.id, secret);
      if (resumed.ok && resumed.value) {
        void sealLegacyRows(user.id);
        setScreen({ kind: 'app', user });
        return;
      }
    }
    setScreen(all.length === 0 ? { kind: 'login' } : { kind: 'unlock' });
  }, [readUsers]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const open = useCallback(async ({ user, sessionSecret }: Unlocked, login: LoggedIn | null) => {
    if (login?.user.id === user.id) {
      const { deviceId, deviceToken } = login.registration;
      const stored = await saveRegistration(user.id, deviceId, deviceToken);
      if (!stored.ok) {
        setError(stored.error);
        return;
      }
      setPendingLogin(null);
    }
    sessionStorage.setItem(SESSION_KEY, user.id);
    sessionStorage.setItem(SESSION_SECRET_KEY, sessionSecret);
    const previous = await getMeta<string>(ACTIVE_USER_KEY);
    await setMeta(ACTIVE_USER_KEY, user.id);
    setRefusal(null);
    // Rows from before encryption are sealed in the background, resumable (storage/legacy-sealing.ts).
    void sealLegacyRows(user.id);
    // Back to the screen this user was on when the page was closed. A screen left open by another
    // user (a draft of theirs) is never reopened for this one: their own last screen, or home.
    const samePerson = previous.ok && previous.value === user.id;
    const path = await resumePath(user.id, samePerson ? window.location.hash : '');
    if (path) navigate(path, { replace: true });
    else if (!samePerson) navigate('/', { replace: true });
    setScreen({ kind: 'app', user });
  }, []);

  const enter = useCallback(
    (unlocked: Unlocked) => {
      if (unlocked.recoveryCode !== undefined)
        setScreen({
          kind: 'recoveryCode',
          unlocked: { ...unlocked, recoveryCode: unlocked.recoveryCode },
        });
      else void open(unlocked, pendingLogin);
    },
    [open, pendingLogin],
  );

  const lock = useCallback(() => {
    const remembered = sessionStorage.getItem(SESSION_KEY);
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(SESSION_SECRET_KEY);
    dropAllDataKeys();
    void (remembered ? endSession(remembered) : Promise.resolve()).then(() => reload());
  }, [reload]);

  const session = useMemo<Session | null>(
    () => (screen.kind === 'app' ? { user: screen.user, lock } : null),
    [screen, lock],
  );

  if (error) return <StorageErrorMessage error={error} reload />;
  switch (screen.kind) {
    case 'loading':
      return null;
    case 'login':
      return (
        <LoginScreen
          onLoggedIn={(loggedIn) => {
            setPendingLogin(loggedIn);
            // A user who already has keys here (a lockout, a new token) gets their share back and
            // unlocks with their PIN; a new user, or one whose keys were revoked, chooses a PIN.
            if (loggedIn.hasKeys) {
              setActiveUserId(loggedIn.user.id);
              void readUsers().then(() => {
                setScreen({ kind: 'unlock' });
              });
            } else setScreen({ kind: 'pin', loggedIn });
          }}
          {...(users.length > 0
            ? {
                onCancel: () => {
                  setScreen({ kind: 'unlock' });
                },
              }
            : {})}
        />
      );
    case 'pin':
      return (
        <PinSetup
          user={screen.loggedIn.user}
          share={screen.loggedIn.share}
          keyId={screen.loggedIn.keyId}
          onDone={enter}
        />
      );
    case 'recoveryCode': {
      const { unlocked } = screen;
      return (
        <RecoveryCodeNotice
          code={unlocked.recoveryCode}
          onNoted={() => {
            void open(unlocked, pendingLogin);
          }}
        />
      );
    }
    case 'unlock':
      return (
        <>
          {refusal && <Notice tone="error">{refusal}</Notice>}
          <UnlockScreen
            // A new key each time the list or the preselection changes: the choice starts again.
            key={`${activeUserId ?? ''}|${users.map((u) => u.id).join(',')}`}
            users={users}
            states={states}
            preselect={activeUserId}
            onUnlocked={enter}
            onStateChanged={() => void readUsers()}
            onOtherAccount={() => {
              // A user locked out or revoked logs in again as themself: always allowed.
              const anyBlocked = users.some((u) => states[u.id] !== 'ready');
              if (!switchAllowed && !anyBlocked) setRefusal(t('otherAccountRefused'));
              else setScreen({ kind: 'login' });
            }}
          />
        </>
      );
    case 'app':
      return (
        <SessionContext.Provider value={session}>
          <Shell />
        </SessionContext.Provider>
      );
  }
}
