import type { VillageListResponse } from '@jigi/contract';
import { createContext, useContext } from 'react';

/** Villages of the user's zones, loaded once by the console shell (undefined until then). */
export const ScopeContext = createContext<VillageListResponse | undefined>(undefined);

export function useScope(): VillageListResponse | undefined {
  return useContext(ScopeContext);
}

/** A village's name from the scope, else its id (never blank). */
export function villageName(scope: VillageListResponse | undefined, id: string): string {
  return scope?.villages.find((v) => v.id === id)?.name ?? id;
}
