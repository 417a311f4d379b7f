import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { StorageErrorMessage } from '../components/storage-error-message';
import { LoginScreen } from '../features/auth/login-screen';
import { PinSetup } from '../features/auth/pin-setup';
import { UnlockScreen } from '../features/auth/unlock-screen';
import { navigate } from '../lib/router';
import { SessionContext, type Session } from '../lib/session';
import type { StorageError } from '../storage/errors';
import { getMeta, setMeta } from '../storage/meta';
import { leaveCheck } from '../storage/sync-session';
import type { UserRow } from '../storage/types';
import { listUsers } from '../storage/users';
import { resumePath } from './last-path';
import { Shell } from './shell';

// The unlocked user survives a reload of the same tab (an update, a crash of the page) but not the
// closing of the tab: sessionStorage, never localStorage.
const SESSION_KEY = 'jigi.unlockedUser';
const ACTIVE_USER_KEY = 'activeUserId';

type Screen =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'pin'; user: UserRow }
  | { kind: 'unlock' }
  | { kind: 'app'; user: UserRow };

export function AuthGate() {
  const { t } = useTranslation('auth');
  const [users, setUsers] = useState<UserRow[]>([]);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [error, setError] = useState<StorageError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [switchAllowed, setSwitchAllowed] = useState(true);

  const reload = useCallback(async () => {
    const res = await listUsers();
    if (!res.ok) {
      setError(res.error);
      return;
    }
    // While the last user has changes neither synced nor exported to a file, the tablet stays theirs:
    // only they can unlock it (docs/decisions.md §4; a storage failure counts as unsent).
    const active = await getMeta<string>(ACTIVE_USER_KEY);
    const activeUser = active.ok ? res.value.find((u) => u.id === active.value) : undefined;
    const leave = activeUser ? await leaveCheck(activeUser.id) : undefined;
    const mustStay = leave !== undefined && (!leave.ok || leave.value.unsent > 0);
    setUsers(activeUser && mustStay ? [activeUser] : res.value);
    setSwitchAllowed(!mustStay);
    const remembered = sessionStorage.getItem(SESSION_KEY);
    const user = res.value.find((u) => u.id === remembered);
    if (user?.pin) setScreen({ kind: 'app', user });
    else setScreen(res.value.length === 0 ? { kind: 'login' } : { kind: 'unlock' });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const enter = useCallback((user: UserRow) => {
    sessionStorage.setItem(SESSION_KEY, user.id);
    void setMeta(ACTIVE_USER_KEY, user.id);
    setRefusal(null);
    // Back to the screen the user was on (a draft in the middle of the roster) when the page was closed.
    void resumePath(user.id, window.location.hash).then((path) => {
      if (path) navigate(path, { replace: true });
      setScreen({ kind: 'app', user });
    });
  }, []);

  const lock = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    void reload();
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
          onLoggedIn={(user) => {
            if (user.pin) enter(user);
            else setScreen({ kind: 'pin', user });
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
      return <PinSetup user={screen.user} onDone={enter} />;
    case 'unlock':
      return (
        <>
          {refusal && <Notice tone="error">{refusal}</Notice>}
          <UnlockScreen
            users={users}
            onUnlocked={enter}
            onOtherAccount={() => {
              // A user whose PIN was erased logs in again as themself: always allowed.
              const anyLocked = users.some((u) => u.pin === null);
              if (!switchAllowed && !anyLocked) setRefusal(t('otherAccountRefused'));
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
