import { z } from 'zod';
import { wireLimits } from '../limits';

/** Ids made by devices (records, batches) are UUIDs. */
export const uuidSchema = z.uuid();
/** Server-made ids (users, devices, villages) are opaque strings. */
export const opaqueIdSchema = z.string().min(1).max(wireLimits.maxIdLength);
/** An instant, ISO-8601 UTC. */
export const instantSchema = z.iso.datetime();
/** A short human string (labels, logins, names). */
export const shortStringSchema = z.string().min(1).max(wireLimits.maxShortString);

/**
 * A field path (docs/architecture.md §2): segments joined by `.`, each segment escaped so that `~`
 * is `~0` and `.` is `~1`. Segments are never empty.
 */
export const fieldPathSchema = z
  .string()
  .max(wireLimits.maxPathLength)
  .regex(/^(?:[^.~]|~[01])+(?:\.(?:[^.~]|~[01])+)*$/);

/**
 * A validation issue, the shape `validateRecord` of `@jigi/domain` returns (architecture §3): the
 * message is French and names the field and the rule.
 */
export const issueSchema = z.object({
  path: z.string().max(wireLimits.maxPathLength),
  rule: z.string().min(1).max(wireLimits.maxShortString),
  severity: z.enum(['error', 'warning']),
  message: z.string().max(wireLimits.maxMessageLength),
});
export type Issue = z.infer<typeof issueSchema>;
