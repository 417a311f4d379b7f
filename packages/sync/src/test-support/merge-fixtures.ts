import { ciblageHouseholdSchema } from '@jigi/domain';
import type { Json, JsonObject } from '../json';
import { mergeMutation } from '../merge/merge-mutation';
import type { IsCritical, MergeDecision, ServerRecordState } from '../merge/types';
import type { Mutation } from '../messages/mutation';

/** The record type the fixtures use: any type merges the same; this one is real. */
const ciblageType = ciblageHouseholdSchema.shape.type.value;

export const recordId = '0b6f3c1e-1111-4aaa-8bbb-000000000001';
export const clientTime = '2026-03-15T09:00:00.000Z';

/** Names and sex are critical, like `isCriticalPath` of the domain; `members.<id>` too. */
export const isCritical: IsCritical = (path) =>
  /(^|\.)(firstName|sex)$/.test(path) || /^members\.[^.]+$/.test(path);

export function household(
  members: JsonObject[] = [
    { id: 'm1', firstName: 'Awa', sex: 'F', occupation: 'vendeuse' },
    { id: 'm2', firstName: 'Moussa', sex: 'M', occupation: 'cultivateur' },
  ],
): JsonObject {
  return { id: recordId, type: ciblageType, village: 'Koro', phone: '70000000', members };
}

export function stateOf(record: JsonObject = household()): ServerRecordState {
  return { version: 1, fieldVersions: {}, record, deleted: false };
}

let nextId = 1;
export function patch(baseVersion: number, changes: Record<string, Json>): Mutation {
  return {
    op: 'patch',
    mutationId: nextId++,
    recordId,
    recordType: ciblageType,
    baseVersion,
    clientTime,
    changes,
  };
}
export function create(record: JsonObject = household()): Mutation {
  return {
    op: 'create',
    mutationId: nextId++,
    recordId,
    recordType: ciblageType,
    baseVersion: 0,
    clientTime,
    record,
  };
}
export function remove(baseVersion: number): Mutation {
  return {
    op: 'delete',
    mutationId: nextId++,
    recordId,
    recordType: ciblageType,
    baseVersion,
    clientTime,
  };
}

/** Runs `[deviceId, mutation]` pairs in order, as the server would, storing each accepted state. */
export function run(
  initial: ServerRecordState | null,
  steps: readonly (readonly [string, Mutation])[],
  critical: IsCritical = isCritical,
) {
  let server = initial;
  const decisions: MergeDecision[] = [];
  for (const [deviceId, mutation] of steps) {
    const decision = mergeMutation({ server, mutation, deviceId, isCritical: critical });
    decisions.push(decision);
    if (decision.outcome !== 'rejected') server = decision.state;
  }
  return { server, decisions };
}
