import type { Issue } from '../messages/common';
import type { Mutation } from '../messages/mutation';
import type { MutationResult } from '../messages/mutation-result';
import type { MergeDecision } from './types';

/**
 * The wire result of a merge decision, so server and tests build it one way. `warnings` are the
 * domain's validation warnings of the resulting record (omitted when empty).
 */
export function mutationResultOf(
  mutation: Mutation,
  decision: MergeDecision,
  warnings: readonly Issue[] = [],
): MutationResult {
  const { mutationId, recordId } = mutation;
  if (decision.outcome === 'rejected') {
    return {
      mutationId,
      recordId,
      outcome: 'rejected',
      error: { code: decision.rejection.code, message: decision.rejection.message },
    };
  }
  const extra = warnings.length > 0 ? { warnings: [...warnings] } : {};
  const version = decision.state.version;
  if (decision.outcome === 'conflict_queued') {
    const conflictPaths = decision.conflicts.map((conflict) => conflict.path);
    return {
      mutationId,
      recordId,
      outcome: 'conflict_queued',
      version,
      conflictPaths,
      appliedPaths: [...decision.appliedPaths],
      ...extra,
    };
  }
  return { mutationId, recordId, outcome: decision.outcome, version, ...extra };
}
