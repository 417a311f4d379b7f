/**
 * What kind of failure an error on the wire is, and what a client should do about it. The server
 * picks a kind for every stable error `code`; the tablet's sync loop only looks at the kind.
 * `backoffHintMs` is the first wait before a retry when the server sent no `retryAfterMs`.
 */
export const errorKinds = {
  /** The request is malformed or fails the schemas: retrying the same bytes cannot help. */
  validation: { retryable: false, backoffHintMs: 0 },
  /** Missing, expired or revoked token or session: log in / re-register the device. */
  auth: { retryable: false, backoffHintMs: 0 },
  /** Authenticated but not allowed (role or zone). */
  forbidden: { retryable: false, backoffHintMs: 0 },
  /** The request lost a race (e.g. a concurrent push of the same device): retry soon. */
  conflict: { retryable: true, backoffHintMs: 1_000 },
  /** Mutation ids are not contiguous: resend from `details.expectedMutationId`, at once. */
  gap: { retryable: true, backoffHintMs: 0 },
  /** The pull cursor belongs to another server epoch (restore): drop the cursor and resync. */
  epoch_changed: { retryable: true, backoffHintMs: 0 },
  /** Body or batch over the limits: split the batch and retry. */
  too_large: { retryable: true, backoffHintMs: 0 },
  /** Too many requests (login attempts, pushes): wait `retryAfterMs`. */
  rate_limited: { retryable: true, backoffHintMs: 30_000 },
  /** The app speaks a protocol version the server no longer accepts: update the app. */
  unsupported_version: { retryable: false, backoffHintMs: 0 },
  /** The server failed (bug, disk, restart): retry with backoff. */
  server: { retryable: true, backoffHintMs: 5_000 },
} as const satisfies Record<string, { retryable: boolean; backoffHintMs: number }>;

/** One of `errorKinds`. */
export type ErrorKind = keyof typeof errorKinds;

/** The kinds, for `z.enum`. */
export const errorKindList = Object.keys(errorKinds) as [ErrorKind, ...ErrorKind[]];

/** Whether retrying the same request later can succeed (possibly after the fix the kind names). */
export function isRetryable(kind: ErrorKind): boolean {
  return errorKinds[kind].retryable;
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): the server's `retryAfterMs` when given,
 * else the kind's hint doubled per attempt, capped at 10 minutes. `null` when the kind is not retryable.
 */
export function retryDelayMs(
  kind: ErrorKind,
  attempt: number,
  retryAfterMs?: number,
): number | null {
  if (!errorKinds[kind].retryable) return null;
  if (retryAfterMs !== undefined) return retryAfterMs;
  const hint = errorKinds[kind].backoffHintMs;
  return Math.min(hint * 2 ** Math.max(0, attempt - 1), 600_000);
}
