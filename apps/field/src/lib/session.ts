import { createContext, useContext } from 'react';
import type { UserRow } from '../storage/types';

export interface Session {
  user: UserRow;
  /** Locks the app (back to the PIN screen). */
  lock: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The unlocked user. Only screens behind the PIN call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an unlocked session');
  return session;
}
