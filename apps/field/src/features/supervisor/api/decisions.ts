import { z } from 'zod';
import { apiPost } from './client';
import { reviewStatusSchema } from './common-schemas';

export const decisionKinds = ['approve', 'return', 'reject'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const decisionResultSchema = z.object({
  results: z.array(
    z.object({
      recordId: z.string(),
      ok: z.boolean(),
      reviewStatus: reviewStatusSchema.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type DecisionResult = z.infer<typeof decisionResultSchema>;

export interface DecisionInput {
  decision: DecisionKind;
  recordIds: readonly string[];
  /** Required for return (what to correct) and reject (the reason); it reaches the agent's tablet. */
  comment?: string;
}

/**
 * `POST /api/review/decisions` — one call for a single record and for a whole batch, so a bulk
 * decision is one audited request and each record still gets its own result.
 */
export function decide(token: string, input: DecisionInput) {
  return apiPost(token, '/api/review/decisions', { ...input, recordIds: [...input.recordIds] }, decisionResultSchema);
}
