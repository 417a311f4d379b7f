import {
  bulkDecisionResponseSchema,
  decisionOutcomeSchema,
  type DecisionKind,
  type DecisionOutcome,
} from '@jigi/contract';
import { apiPost, seg } from './client';
import type { ApiResult } from './http';

export interface DecisionInput {
  decision: DecisionKind;
  recordIds: readonly string[];
  /** Required for return (what to correct, it reaches the agent's tablet) and, in the console, for reject (the reason). */
  comment?: string;
}

/**
 * One record: `POST /api/review/records/:recordId/decision`; several: `POST /api/review/decisions`
 * (all or nothing: one record out of zone or deleted refuses the whole request). Either way one
 * audited request, and the outcome of each record.
 */
export async function decide(input: DecisionInput): Promise<ApiResult<DecisionOutcome[]>> {
  const body = {
    decision: input.decision,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
  };
  const [only] = input.recordIds;
  if (input.recordIds.length === 1 && only !== undefined) {
    const one = await apiPost(
      `/api/review/records/${seg(only)}/decision`,
      body,
      decisionOutcomeSchema,
    );
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const many = await apiPost(
    '/api/review/decisions',
    { ...body, recordIds: [...input.recordIds] },
    bulkDecisionResponseSchema,
  );
  return many.ok ? { ok: true, value: many.value.results } : many;
}
