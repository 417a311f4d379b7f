import { fieldLabels } from '@jigi/domain';
import { splitPath } from '@jigi/sync';

/**
 * A record field path in French for the tablet (`members.<id>.firstName` → `Liste des membres ›
 * Prénom`): the domain's label of each named segment; child ids, which mean nothing to the user,
 * are left out.
 */
export function fieldPathLabel(path: string): string {
  const named = splitPath(path).filter((segment) => fieldLabels[segment] !== undefined);
  return named.length > 0 ? named.map((segment) => fieldLabels[segment]).join(' › ') : path;
}
