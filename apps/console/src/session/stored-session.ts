import { sessionUserSchema, type SessionUser } from '@jigi/sync';
import { z } from 'zod';

// What the laptop remembers between visits, in localStorage: who is signed in, with which login,
// and when they were last active. It is never a credential: the session itself is the server's
// HttpOnly cookie, closed by the server when the console locks or the user signs out.

const KEY = 'jigi-console-session';

export const storedSessionSchema = z.object({
  login: z.string().min(1),
  user: sessionUserSchema,
  /** When the server's session ends (`expiresAt` of the login answer). */
  expiresAt: z.string(),
  /** Last keyboard, pointer or wheel activity on any tab (ms since epoch). */
  lastActiveAt: z.number(),
  /** Locked after inactivity: the password is asked again; the server session is already closed. */
  locked: z.boolean(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function readStoredSession(): StoredSession | undefined {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw === null) return undefined;
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeStoredSession(session: StoredSession | undefined): void {
  try {
    if (session === undefined) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Private browsing with storage refused: the session still works in this tab.
  }
}

/** Another tab changed the stored session (signed in, locked, signed out, was active). */
export function onStoredSessionChange(listener: () => void): () => void {
  const handler = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener();
  };
  window.addEventListener('storage', handler);
  return () => {
    window.removeEventListener('storage', handler);
  };
}

/** Roles the console is for; the field roles are sent to the tablet app. */
export const consoleRoles = ['supervisor', 'admin'] as const;
export function isConsoleRole(user: SessionUser): boolean {
  return (consoleRoles as readonly string[]).includes(user.role);
}
