import { issueSchema, jsonObjectSchema } from '@jigi/sync';
import { z } from 'zod';

/** Review state of a record on the server (architecture.md §1: never part of the record). */
export const reviewStatuses = ['received', 'approved', 'returned', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusSchema = z.enum(reviewStatuses);

/** One record as the review API shows it: the stored JSON plus its review metadata. */
export const reviewRecordSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  villageId: z.string(),
  version: z.number().int(),
  data: jsonObjectSchema,
  reviewStatus: reviewStatusSchema,
  warnings: z.array(issueSchema).default([]),
  createdBy: z.string(),
  /** Not sent by the server yet (see README). */
  createdByName: z.string().optional(),
  deviceId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean().default(false),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;
