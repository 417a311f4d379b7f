import { z } from 'zod';
import type { ApiResult } from '../../../sync/api';
import { apiPost, seg } from './client';
import { reviewStatusSchema } from './common-schemas';

export const decisionKinds = ['approve', 'return', 'reject'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const decisionOutcomeSchema = z.object({
  recordId: z.string(),
  reviewStatus: reviewStatusSchema,
  taskId: z.string().optional(),
});
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;
export const bulkDecisionResultSchema = z.object({ results: z.array(decisionOutcomeSchema) });

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
export async function decide(
  token: string,
  input: DecisionInput,
): Promise<ApiResult<DecisionOutcome[]>> {
  const body = {
    decision: input.decision,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
  };
  const [only] = input.recordIds;
  if (input.recordIds.length === 1 && only !== undefined) {
    const one = await apiPost(
      token,
      `/api/review/records/${seg(only)}/decision`,
      body,
      decisionOutcomeSchema,
    );
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const many = await apiPost(
    token,
    '/api/review/decisions',
    { ...body, recordIds: [...input.recordIds] },
    bulkDecisionResultSchema,
  );
  return many.ok ? { ok: true, value: many.value.results } : many;
}
