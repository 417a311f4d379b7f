import { z } from 'zod';
import { wireLimits } from '../limits';
import { instantSchema, opaqueIdSchema, uuidSchema } from './common';
import { mutationSchema } from './mutation';
import { mutationResultSchema } from './mutation-result';

const pushHead = {
  protocolVersion: z.number().int().min(1),
  deviceId: opaqueIdSchema,
  /** Made by the device per attempt group; a replay of the same push reuses it. */
  batchId: uuidSchema,
  clientTime: instantSchema,
  /** The device's last estimate of (server clock − device clock), for audit. */
  clockOffsetMs: z.number().int().optional(),
};

const idsAscendByOne = (p: { mutations: readonly { mutationId: number }[] }) =>
  p.mutations.every(
    (m, i) => i === 0 || m.mutationId === (p.mutations[i - 1]?.mutationId ?? 0) + 1,
  );
const idsAscendByOneRule = { error: 'mutation ids must ascend by 1', path: ['mutations'] };

/** `POST /api/sync/push` body (architecture §4). Mutation ids ascend by 1 within the push. */
export const pushRequestSchema = z
  .object({
    ...pushHead,
    mutations: z.array(mutationSchema).min(1).max(wireLimits.maxMutationsPerPush),
  })
  .refine(idsAscendByOne, idsAscendByOneRule);
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The push body as the server first parses it: `pushRequestSchema` with each mutation only required
 * to carry its id and record id. A mutation that fails `mutationSchema` is then refused alone (it
 * consumes its id, docs/architecture.md §4) instead of failing the whole push and blocking the
 * tablet's queue. Every push request passes it.
 */
export const pushEnvelopeSchema = z
  .object({
    ...pushHead,
    mutations: z
      .array(z.looseObject({ mutationId: z.number().int().min(1), recordId: uuidSchema }))
      .min(1)
      .max(wireLimits.maxMutationsPerPush),
  })
  .refine(idsAscendByOne, idsAscendByOneRule);
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;

/** `POST /api/sync/push` 200 answer: one result per mutation, in order. */
export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  /** The highest mutation id the server has applied (or rejected) for this device. */
  lastMutationId: z.number().int().min(0),
  /** The review batch these mutations went into; null when every mutation was a replay. */
  batchNumber: z.number().int().min(1).nullable(),
  serverTime: instantSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
