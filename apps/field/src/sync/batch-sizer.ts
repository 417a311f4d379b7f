import { wireLimits } from '@jigi/sync';

// How many gzip bytes the next push may carry (docs/architecture.md §4). A 2G link at 20 KB/s that drops every
// few minutes cannot carry the 2 MB the server accepts: the cap starts small, grows after each
// acknowledged batch and halves after a timeout or a connection lost mid-request, like TCP's AIMD.

export interface BatchSizing {
  /** Current cap on the gzip body of the next batch. */
  readonly capBytes: number;
  /** Observed gzip size / JSON size, to pick mutations by their JSON size before compressing. */
  readonly ratio: number;
}

export const batchSizingDefaults = {
  initialBytes: 32_000,
  minBytes: 4_000,
  /** Far below what the server accepts decoded (`wireLimits.maxPushBodyBytes`): a 256 KB body is ~13 s at 2G. */
  maxBytes: 256_000,
  grow: 2,
  shrink: 0.5,
  /** Until a batch has been compressed: household JSON gzips to about a quarter. */
  initialRatio: 0.3,
} as const;

export function initialSizing(): BatchSizing {
  return { capBytes: batchSizingDefaults.initialBytes, ratio: batchSizingDefaults.initialRatio };
}

/**
 * The first cap of an engine (the app just opened): where the last sync on this device left it when
 * that sync had no timeout and no dropped connection — a link that carried full batches yesterday
 * saves the slow start's round trips (700 ms each on 2G) — else no more than the initial cap.
 */
export function resumeSizing(
  saved: { capBytes: number; ratio: number; clean: boolean } | undefined,
): BatchSizing {
  if (!saved) return initialSizing();
  const ratio = Math.min(1, Math.max(0.02, saved.ratio));
  const capBytes = Math.min(
    batchSizingDefaults.maxBytes,
    Math.max(batchSizingDefaults.minBytes, saved.capBytes),
  );
  return {
    capBytes: saved.clean ? capBytes : Math.min(capBytes, batchSizingDefaults.initialBytes),
    ratio,
  };
}

/**
 * After an acknowledged batch: grow, and learn the compression ratio. A small batch (the outbox ran out)
 * is no evidence the link can take more; a batch that filled its JSON budget is, even when it
 * compressed better than the ratio guessed (households gzip to ~0.15, the first guess is 0.3).
 */
export function afterSuccess(
  s: BatchSizing,
  sent: { gzipBytes: number; jsonBytes: number },
): BatchSizing {
  const ratio =
    sent.jsonBytes > 0 ? Math.min(1, Math.max(0.02, sent.gzipBytes / sent.jsonBytes)) : s.ratio;
  const full = sent.gzipBytes >= s.capBytes / 2 || sent.jsonBytes >= jsonBudget(s) * 0.8;
  const capBytes = full
    ? Math.min(batchSizingDefaults.maxBytes, Math.round(s.capBytes * batchSizingDefaults.grow))
    : s.capBytes;
  return { capBytes, ratio };
}

/** After a timeout or a connection lost mid-request. */
export function afterFailure(s: BatchSizing): BatchSizing {
  return {
    ...s,
    capBytes: Math.max(
      batchSizingDefaults.minBytes,
      Math.round(s.capBytes * batchSizingDefaults.shrink),
    ),
  };
}

/** The JSON budget of the next batch: the gzip cap through the ratio, never above the server's limit. */
export function jsonBudget(s: BatchSizing): number {
  return Math.min(wireLimits.maxPushBodyBytes - 4_096, Math.floor(s.capBytes / s.ratio));
}

/**
 * How long to wait for a push answer before calling it a timeout: a fixed allowance for the round trip
 * and the server's transaction, plus the body at a pessimistic 2G rate.
 */
export function pushTimeoutMs(
  gzipBytes: number,
  opts: { baseMs: number; floorBytesPerSec: number },
): number {
  return Math.round(opts.baseMs + (gzipBytes * 1000) / opts.floorBytesPerSec);
}

// Pull pages (docs/architecture.md §4): a page costs a round trip (700 ms on 2G) whatever it holds, so pages grow
// while they come back quickly and shrink after a timeout, like the push cap. Sizes are what the server
// accepts (`wireLimits`); `maxBytes` is JSON, the server stops adding changes past it.

export interface PullPaging {
  readonly limit: number;
  readonly maxBytes: number;
}

export const pullPagingDefaults = {
  /** A page that took less than this share of the pull timeout was fast: the next one may be twice as big. */
  fastShare: 1 / 6,
  /** More than this share: too close to the timeout, halve. */
  slowShare: 1 / 2,
  minLimit: 25,
} as const;

export function initialPaging(limits: { pullLimit: number; pullMaxBytes: number }): PullPaging {
  return { limit: limits.pullLimit, maxBytes: limits.pullMaxBytes };
}

function scaled(p: PullPaging, factor: number): PullPaging {
  return {
    limit: Math.min(
      wireLimits.maxPullLimit,
      Math.max(pullPagingDefaults.minLimit, Math.round(p.limit * factor)),
    ),
    maxBytes: Math.min(
      wireLimits.maxPullBytes,
      Math.max(wireLimits.minPullBytes, Math.round(p.maxBytes * factor)),
    ),
  };
}

/** After a page: grow when it was full (more followed) and fast, shrink when it came close to the timeout. */
export function afterPage(
  p: PullPaging,
  page: { hasMore: boolean; elapsedMs: number; timeoutMs: number },
): PullPaging {
  if (page.elapsedMs > page.timeoutMs * pullPagingDefaults.slowShare) return scaled(p, 0.5);
  if (page.hasMore && page.elapsedMs < page.timeoutMs * pullPagingDefaults.fastShare)
    return scaled(p, 2);
  return p;
}

/** After a pull that timed out or lost its connection. */
export function afterPullFailure(p: PullPaging): PullPaging {
  return scaled(p, 0.5);
}
