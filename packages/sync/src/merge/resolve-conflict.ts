import { jsonEqual, type Json } from '../json';
import { splitPath } from '../paths/path';
import { locate } from '../paths/tree';
import { nextState } from './merge-mutation';
import type { ServerRecordState } from './types';

/** Why a resolution cannot be applied. */
export type ResolveError = { readonly code: 'record_deleted' };

/**
 * The server state after a supervisor chose `chosenValue` (`null`: remove) for a queued conflict's
 * `path`. Keeping the server's value changes nothing; any other choice is a new version stamped
 * `by` (e.g. `user:<id>`), so tablets that edited from an older version see it as concurrent.
 * Restoring a value under a removed member recreates that member with only its id and this value:
 * the caller validates the record with `@jigi/domain` before storing it.
 */
export function resolveConflict(
  state: ServerRecordState,
  path: string,
  chosenValue: Json,
  by: string,
): { ok: true; state: ServerRecordState } | { ok: false; error: ResolveError } {
  if (state.deleted) return { ok: false, error: { code: 'record_deleted' } };
  const here = locate(state.record, splitPath(path));
  const unchanged =
    chosenValue === null ? !here.found : here.found && jsonEqual(here.value, chosenValue);
  if (unchanged) return { ok: true, state };
  return { ok: true, state: nextState(state, [[path, chosenValue]], by) };
}
