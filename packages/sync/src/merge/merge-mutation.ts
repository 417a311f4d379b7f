import { jsonEqual, type Json } from '../json';
import type { CreateMutation, DeleteMutation, Mutation, PatchMutation } from '../messages/mutation';
import { applyChanges } from '../paths/apply-changes';
import { flattenRecord } from '../paths/flatten';
import { isUnder, joinPath, splitPath } from '../paths/path';
import { cloneJson, locate } from '../paths/tree';
import { reject } from './rejections';
import { concurrentStamps, stampPaths } from './stamps';
import type {
  IsCritical,
  MergeConflict,
  MergeDecision,
  Overwritten,
  ServerRecordState,
} from './types';

/** Input of `mergeMutation`. The mutation has passed `mutationSchema`. */
export type MergeInput = {
  /** The record's server state, or null when the server never had this id. */
  readonly server: ServerRecordState | null;
  readonly mutation: Mutation;
  /** The pushing device: its own earlier changes never conflict with its later ones. */
  readonly deviceId: string;
  /** `(path) => isCriticalPath(mutation.recordType, path)` from `@jigi/domain`. */
  readonly isCritical: IsCritical;
};

/**
 * Decides what one mutation does to the server's copy of a record (docs/architecture.md §4; the rules table is
 * in the package README). Pure: the caller stores `state`, the conflicts and the overwritten values in
 * one transaction, then validates the resulting record with `@jigi/domain`.
 */
export function mergeMutation(input: MergeInput): MergeDecision {
  const { mutation } = input;
  switch (mutation.op) {
    case 'create':
      return mergeCreate(input.server, mutation);
    case 'delete':
      return mergeDelete(input.server, mutation, input.deviceId);
    case 'patch':
      return mergePatch(input.server, mutation, input.deviceId, input.isCritical);
  }
}

function mergeCreate(server: ServerRecordState | null, mutation: CreateMutation): MergeDecision {
  if (server === null) {
    const state = {
      version: 1,
      fieldVersions: {},
      record: cloneJson(mutation.record),
      deleted: false,
    };
    return { outcome: 'applied', state, appliedPaths: [], overwritten: [] };
  }
  if (server.deleted) return reject('record_deleted');
  // A create the server already has (e.g. replayed under a new device registration) is a no-op.
  if (jsonEqual(flattenRecord(server.record), flattenRecord(mutation.record))) {
    return { outcome: 'duplicate', state: server, appliedPaths: [], overwritten: [] };
  }
  return reject('record_exists');
}

function mergeDelete(
  server: ServerRecordState | null,
  mutation: DeleteMutation,
  deviceId: string,
): MergeDecision {
  if (server === null) return reject('unknown_record');
  if (server.deleted)
    return { outcome: 'duplicate', state: server, appliedPaths: [], overwritten: [] };
  const refused = checkTarget(server, mutation);
  if (refused !== undefined) return refused;
  // A delete decided on an old copy could destroy what another tablet added since: refuse it, the
  // tablet pulls the new version and its user decides again.
  if (hasForeignEdits(server, mutation.baseVersion, deviceId)) {
    return reject('stale_delete');
  }
  const state = { ...server, version: server.version + 1, deleted: true };
  return {
    outcome: mutation.baseVersion === server.version ? 'applied' : 'merged',
    state,
    appliedPaths: [],
    overwritten: [],
  };
}

function hasForeignEdits(
  server: ServerRecordState,
  baseVersion: number,
  deviceId: string,
): boolean {
  return Object.values(server.fieldVersions).some(
    (stamp) => stamp.version > baseVersion && stamp.by !== deviceId,
  );
}

function checkTarget(
  server: ServerRecordState,
  mutation: PatchMutation | DeleteMutation,
): MergeDecision | undefined {
  if (server.record['type'] !== mutation.recordType) return reject('type_mismatch');
  if (mutation.baseVersion > server.version) return reject('invalid_base_version');
  return undefined;
}

function mergePatch(
  server: ServerRecordState | null,
  mutation: PatchMutation,
  deviceId: string,
  isCritical: IsCritical,
): MergeDecision {
  if (server === null) return reject('unknown_record');
  if (server.deleted) return reject('record_deleted');
  const refused = checkTarget(server, mutation);
  if (refused !== undefined) return refused;
  const { baseVersion, changes } = mutation;
  const applied: string[] = [];
  const overwritten: Overwritten[] = [];
  const conflicts: MergeConflict[] = [];
  for (const path of Object.keys(changes)) {
    const incoming = changes[path] as Json;
    const segments = splitPath(path);
    const here = locate(server.record, segments);
    const unchanged =
      incoming === null ? !here.found : here.found && jsonEqual(here.value, incoming);
    if (unchanged) continue;
    if (segments.length === 1 && (path === 'id' || path === 'type'))
      return reject('immutable_path');
    const concurrent = concurrentStamps(server.fieldVersions, path, baseVersion, deviceId);
    if (concurrent.length === 0) {
      applied.push(path);
      continue;
    }
    const serverVersion = Math.max(...concurrent.map(({ stamp }) => stamp.version));
    // A value typed under a member (or object) removed meanwhile cannot be applied alone without
    // leaving a fragment, and must not be dropped: it waits for a supervisor like a critical one.
    const orphan =
      incoming !== null && !here.found && concurrent.some((c) => isUnder(path, c.path));
    if (orphan || isCritical(path) || concurrent.some((c) => isCritical(c.path))) {
      const serverValue = here.found ? here.value : null;
      conflicts.push({ path, serverValue, incomingValue: incoming, baseVersion, serverVersion });
      continue;
    }
    applied.push(path);
    if (here.found)
      overwritten.push({ path, previousValue: here.value, previousVersion: serverVersion });
    else if (here.leaf !== undefined)
      overwritten.push({
        path: joinPath(segments.slice(0, here.leaf.depth)),
        previousValue: here.leaf.value,
        previousVersion: serverVersion,
      });
    else overwritten.push({ path, previousValue: null, previousVersion: serverVersion });
  }
  const state =
    applied.length === 0
      ? server
      : nextState(
          server,
          applied.map((path) => [path, changes[path] as Json]),
          deviceId,
        );
  if (conflicts.length > 0)
    return { outcome: 'conflict_queued', state, appliedPaths: applied, overwritten, conflicts };
  if (applied.length === 0)
    return { outcome: 'duplicate', state, appliedPaths: [], overwritten: [] };
  return {
    outcome: baseVersion === server.version ? 'applied' : 'merged',
    state,
    appliedPaths: applied,
    overwritten,
  };
}

/** The state after `changes` by `by`: one new version, the paths stamped with it. */
export function nextState(
  server: ServerRecordState,
  changes: readonly (readonly [string, Json])[],
  by: string,
): ServerRecordState {
  const version = server.version + 1;
  return {
    version,
    record: applyChanges(server.record, Object.fromEntries(changes)),
    fieldVersions: stampPaths(
      server.fieldVersions,
      changes.map(([path]) => path),
      { version, by },
    ),
    deleted: false,
  };
}
