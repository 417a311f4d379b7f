import { createContext, useContext } from 'react';
import type { ReviewScope } from '../api/scope';

/** Villages and agents of the supervisor's zones, loaded once by the console (undefined until then). */
export const ScopeContext = createContext<ReviewScope | undefined>(undefined);

export function useScope(): ReviewScope | undefined {
  return useContext(ScopeContext);
}

/** A village's name from the scope, else its id (never blank). */
export function villageName(scope: ReviewScope | undefined, id: string): string {
  return scope?.villages.find((v) => v.id === id)?.name ?? id;
}

/** An agent's name from the scope, else the id given. */
export function agentName(scope: ReviewScope | undefined, id: string, known?: string): string {
  return known ?? scope?.agents.find((a) => a.id === id)?.name ?? id;
}
