import { z } from 'zod';
import { errorKindList } from '../error-kinds';
import { jsonSchema } from '../json';
import { wireLimits } from '../limits';

/**
 * Every non-2xx answer: `{ error: { code, kind, message, retryAfterMs?, details? } }`. `code` is
 * stable and listed in apps/server/docs/errors.md; clients decide by `kind`.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64),
    kind: z.enum(errorKindList),
    /** French, for people. */
    message: z.string().max(wireLimits.maxMessageLength),
    retryAfterMs: z.number().int().min(0).optional(),
    details: z.record(z.string(), jsonSchema).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Codes that clients of the protocol act on by name; the server may add others. */
export const protocolErrorCodes = {
  /** 409, kind `gap`: resend from `details.expectedMutationId`. */
  mutation_gap: 'mutation_gap',
  /** 410, kind `epoch_changed`: drop the cursor and pull from scratch. */
  epoch_changed: 'epoch_changed',
  /** 426, kind `unsupported_version`: the app must update. */
  unsupported_protocol_version: 'unsupported_protocol_version',
} as const;

/** The 409 answer to a push whose first mutation id is not the one the server expects. */
export const mutationGapErrorSchema = z.object({
  error: z.object({
    code: z.literal('mutation_gap'),
    kind: z.literal('gap'),
    message: z.string().max(wireLimits.maxMessageLength),
    details: z.object({ expectedMutationId: z.number().int().min(1) }),
  }),
});
export type MutationGapError = z.infer<typeof mutationGapErrorSchema>;
