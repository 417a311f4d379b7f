// When to try again after a failed sync ("periodic retries with backoff and
// jitter"). Hundreds of tablets come back in coverage at the same market day: without jitter they all
// retry in step. "Equal jitter": half the exponential delay is fixed, half random, so a retry is never
// immediate yet the herd spreads out.

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/**
 * Delay before retry `attempt` (1-based). `random` returns [0, 1) (injected so tests are exact);
 * `hintMs` is the server's `retryAfterMs` or the error kind's hint, never undercut.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoff,
  hintMs = 0,
): number {
  const ceiling = Math.min(
    policy.maxMs,
    policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30) - 1),
  );
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(hintMs, jittered));
}
