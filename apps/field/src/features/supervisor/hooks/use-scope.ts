import { createContext, useContext } from 'react';
import type { ReviewScope } from '../api/scope';

/** Villages of the supervisor's zones, loaded once by the console (undefined until then). */
export const ScopeContext = createContext<ReviewScope | undefined>(undefined);

export function useScope(): ReviewScope | undefined {
  return useContext(ScopeContext);
}

/** A village's name from the scope, else its id (never blank). */
export function villageName(scope: ReviewScope | undefined, id: string): string {
  return scope?.villages.find((v) => v.id === id)?.name ?? id;
}

/** A user's name when the server sent it, else their id (the review API does not name users yet). */
export function agentName(id: string, known?: string | null): string {
  return known ?? id;
}
