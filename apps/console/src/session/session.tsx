import type { SessionUser } from '@jigi/sync';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { ApiError } from '../api/http';
import { onUnauthorized } from '../api/http';
import * as auth from './auth-api';
import {
  isConsoleRole,
  onStoredSessionChange,
  readStoredSession,
  writeStoredSession,
  type StoredSession,
} from './stored-session';

/** Locked after this long without keyboard, pointer or wheel activity on any tab. */
export const IDLE_LOCK_MS = 15 * 60_000;
// How often activity is written for other tabs, and how often idleness is checked.
const ACTIVITY_WRITE_MS = 10_000;
const IDLE_CHECK_MS = 5_000;

export type SessionState =
  /** Asking the server whether the remembered session is still open. */
  | { status: 'checking' }
  | { status: 'signed-out'; login?: string; expired?: boolean }
  | { status: 'locked'; session: StoredSession }
  /** A field role signed in: the console sends them to the tablet app. */
  | { status: 'wrong-role'; user: SessionUser }
  | { status: 'signed-in'; session: StoredSession };

type Outcome = { ok: true } | { ok: false; error: ApiError };

export interface SessionApi {
  state: SessionState;
  signIn: (login: string, password: string) => Promise<Outcome>;
  unlock: (password: string) => Promise<Outcome>;
  signOut: () => Promise<void>;
  /** Forget the locked user and show an empty login (someone else at the laptop). */
  switchUser: () => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSessionApi(): SessionApi {
  const api = useContext(SessionContext);
  if (api === null) throw new Error('useSessionApi outside <SessionProvider>');
  return api;
}

/** The signed-in user (only under the signed-in part of the app). */
export function useUser(): SessionUser {
  const { state } = useSessionApi();
  if (state.status !== 'signed-in') throw new Error('useUser outside a signed-in console');
  return state.session.user;
}

function stateOf(stored: StoredSession | undefined, now: number): SessionState {
  if (stored === undefined) return { status: 'signed-out' };
  if (stored.locked || now - stored.lastActiveAt >= IDLE_LOCK_MS)
    return { status: 'locked', session: { ...stored, locked: true } };
  return { status: 'signed-in', session: stored };
}

/**
 * The console's session: password login (`POST /api/auth/login`), remembered on the laptop until the
 * server's session ends, locked after IDLE_LOCK_MS without activity (the server session is closed
 * then; the password opens a new one). Every tab shares it through localStorage.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => {
    const stored = readStoredSession();
    const initial = stateOf(stored, Date.now());
    return initial.status === 'signed-in' ? { status: 'checking' } : initial;
  });

  // A remembered session: is the cookie still good? (Expired after 12 h, or closed elsewhere.)
  useEffect(() => {
    if (state.status !== 'checking') return;
    const stored = readStoredSession();
    const controller = new AbortController();
    void auth.currentSession(controller.signal).then((answer) => {
      if (controller.signal.aborted || stored === undefined) return;
      if (answer.ok && answer.value.user.id === stored.user.id)
        setState({ status: 'signed-in', session: { ...stored, user: answer.value.user } });
      else if (!answer.ok && answer.error.kind === 'offline')
        setState({ status: 'signed-in', session: stored });
      else {
        writeStoredSession(undefined);
        setState({ status: 'signed-out', login: stored.login, expired: true });
      }
    });
    return () => {
      controller.abort();
    };
  }, [state.status]);

  const lock = useCallback((session: StoredSession) => {
    const locked = { ...session, locked: true };
    writeStoredSession(locked);
    setState({ status: 'locked', session: locked });
    void auth.logout();
  }, []);

  // Activity keeps the session open; idleness locks it. Other tabs' activity counts too.
  useEffect(() => {
    if (state.status !== 'signed-in') return;
    let lastActiveAt = state.session.lastActiveAt;
    let written = lastActiveAt;
    const active = () => {
      lastActiveAt = Date.now();
      if (lastActiveAt - written < ACTIVITY_WRITE_MS) return;
      written = lastActiveAt;
      const stored = readStoredSession();
      if (stored !== undefined && !stored.locked) writeStoredSession({ ...stored, lastActiveAt });
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, active, { passive: true });
    const timer = window.setInterval(() => {
      const shared = readStoredSession()?.lastActiveAt ?? 0;
      if (Date.now() - Math.max(lastActiveAt, shared) < IDLE_LOCK_MS) return;
      // Once: the next render drops this effect, but more ticks may run before it.
      window.clearInterval(timer);
      lock({ ...state.session, lastActiveAt });
    }, IDLE_CHECK_MS);
    return () => {
      for (const e of events) window.removeEventListener(e, active);
      window.clearInterval(timer);
    };
  }, [state, lock]);

  // Another tab signed in, locked or signed out.
  useEffect(
    () =>
      onStoredSessionChange(() => {
        const stored = readStoredSession();
        setState((current) => {
          const next = stateOf(stored, Date.now());
          if (next.status === current.status) {
            if (next.status !== 'signed-in' || current.status !== 'signed-in') return current;
            return next.session.user.id === current.session.user.id ? current : next;
          }
          return next;
        });
      }),
    [],
  );

  // The server refused the session (expired, closed, account disabled): sign in again.
  useEffect(
    () =>
      onUnauthorized(() => {
        setState((current) => {
          if (current.status !== 'signed-in') return current;
          writeStoredSession(undefined);
          return { status: 'signed-out', login: current.session.login, expired: true };
        });
      }),
    [],
  );

  const open = useCallback(async (login: string, password: string): Promise<Outcome> => {
    const answer = await auth.login(login, password);
    if (!answer.ok) return answer;
    const { user, expiresAt } = answer.value;
    if (!isConsoleRole(user)) {
      // Nothing to do here for a field role: close the session at once.
      await auth.logout();
      writeStoredSession(undefined);
      setState({ status: 'wrong-role', user });
      return { ok: true };
    }
    const session: StoredSession = {
      login,
      user,
      expiresAt,
      lastActiveAt: Date.now(),
      locked: false,
    };
    writeStoredSession(session);
    setState({ status: 'signed-in', session });
    return { ok: true };
  }, []);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      signIn: open,
      unlock: async (password) => {
        if (state.status !== 'locked') return { ok: true };
        return open(state.session.login, password);
      },
      signOut: async () => {
        await auth.logout();
        writeStoredSession(undefined);
        setState({ status: 'signed-out' });
      },
      switchUser: () => {
        writeStoredSession(undefined);
        setState({ status: 'signed-out' });
      },
    }),
    [state, open],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
