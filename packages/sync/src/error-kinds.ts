/**
 * What a client does about a kind, before any retry:
 * `resend` the same bytes after a short pause (within the same sync) · `renumber` from
 * `details.expectedMutationId` · `split` the batch · `refetch` from scratch (drop the cursor) ·
 * `wait` for `retryAfterMs` (longer than a sync lasts: the scheduler's backoff) · `fix` the cause
 * first (the request, the login, the app version): resending cannot help.
 */
export const errorRemedies = ['resend', 'renumber', 'split', 'refetch', 'wait', 'fix'] as const;
export type ErrorRemedy = (typeof errorRemedies)[number];

/**
 * What kind of failure an error on the wire is, and what a client should do about it. The server
 * picks a kind for every stable error `code`; the tablet's sync loop only looks at the kind.
 * `backoffHintMs` is the first wait before a retry when the server sent no `retryAfterMs`.
 */
export const errorKinds = {
  /** The request is malformed or fails the schemas: retrying the same bytes cannot help. */
  validation: { retryable: false, backoffHintMs: 0, remedy: 'fix' },
  /** Missing, expired or revoked token or session: log in / re-register the device. */
  auth: { retryable: false, backoffHintMs: 0, remedy: 'fix' },
  /** Authenticated but not allowed (role or zone). */
  forbidden: { retryable: false, backoffHintMs: 0, remedy: 'fix' },
  /** The request lost a race (e.g. a concurrent push of the same device): retry soon. */
  conflict: { retryable: true, backoffHintMs: 1_000, remedy: 'resend' },
  /** Mutation ids are not contiguous: resend from `details.expectedMutationId`, at once. */
  gap: { retryable: true, backoffHintMs: 0, remedy: 'renumber' },
  /** The pull cursor belongs to another server epoch (restore): drop the cursor and resync. */
  epoch_changed: { retryable: true, backoffHintMs: 0, remedy: 'refetch' },
  /** Body or batch over the limits: split the batch and retry. */
  too_large: { retryable: true, backoffHintMs: 0, remedy: 'split' },
  /** Too many requests (login attempts, pushes): wait `retryAfterMs`. */
  rate_limited: { retryable: true, backoffHintMs: 30_000, remedy: 'wait' },
  /** The app speaks a protocol version the server no longer accepts: update the app. */
  unsupported_version: { retryable: false, backoffHintMs: 0, remedy: 'fix' },
  /** The server failed (bug, disk, restart): retry with backoff. */
  server: { retryable: true, backoffHintMs: 5_000, remedy: 'resend' },
} as const satisfies Record<
  string,
  { retryable: boolean; backoffHintMs: number; remedy: ErrorRemedy }
>;

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

/** What to do about a kind (`errorRemedies`). */
export function remedyOf(kind: ErrorKind): ErrorRemedy {
  return errorKinds[kind].remedy;
}
