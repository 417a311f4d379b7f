import { isUnder, pathsOverlap } from '../paths/path';
import type { FieldStamp } from './types';

/** Stamps of changes another actor made after `baseVersion` that touch `path`. */
export function concurrentStamps(
  fieldVersions: Readonly<Record<string, FieldStamp>>,
  path: string,
  baseVersion: number,
  by: string,
): { path: string; stamp: FieldStamp }[] {
  return Object.keys(fieldVersions)
    .map((key) => ({ path: key, stamp: fieldVersions[key] as FieldStamp }))
    .filter(
      ({ path: key, stamp }) =>
        stamp.version > baseVersion && stamp.by !== by && pathsOverlap(key, path),
    );
}

/** `fieldVersions` after `paths` changed at `version`: the paths are stamped, stamps under them dropped. */
export function stampPaths(
  fieldVersions: Readonly<Record<string, FieldStamp>>,
  paths: readonly string[],
  stamp: FieldStamp,
): Record<string, FieldStamp> {
  const next: Record<string, FieldStamp> = {};
  for (const key of Object.keys(fieldVersions)) {
    if (!paths.some((path) => isUnder(key, path))) next[key] = fieldVersions[key] as FieldStamp;
  }
  for (const path of paths) next[path] = stamp;
  return next;
}
