import { wireLimits } from '@jigi/sync';

// How many gzip bytes the next push may carry (DESIGN.md §3.7). A 2G link at 20 KB/s that drops every
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

/** After an acknowledged batch: grow, and learn the compression ratio. A small batch (the outbox ran out) is no evidence the link can take more. */
export function afterSuccess(s: BatchSizing, sent: { gzipBytes: number; jsonBytes: number }): BatchSizing {
  const ratio = sent.jsonBytes > 0 ? Math.min(1, Math.max(0.02, sent.gzipBytes / sent.jsonBytes)) : s.ratio;
  const full = sent.gzipBytes >= s.capBytes / 2;
  const capBytes = full ? Math.min(batchSizingDefaults.maxBytes, Math.round(s.capBytes * batchSizingDefaults.grow)) : s.capBytes;
  return { capBytes, ratio };
}

/** After a timeout or a connection lost mid-request. */
export function afterFailure(s: BatchSizing): BatchSizing {
  return { ...s, capBytes: Math.max(batchSizingDefaults.minBytes, Math.round(s.capBytes * batchSizingDefaults.shrink)) };
}

/** The JSON budget of the next batch: the gzip cap through the ratio, never above the server's limit. */
export function jsonBudget(s: BatchSizing): number {
  return Math.min(wireLimits.maxPushBodyBytes - 4_096, Math.floor(s.capBytes / s.ratio));
}

/**
 * How long to wait for a push answer before calling it a timeout: a fixed allowance for the round trip
 * and the server's transaction, plus the body at a pessimistic 2G rate.
 */
export function pushTimeoutMs(gzipBytes: number, opts: { baseMs: number; floorBytesPerSec: number }): number {
  return Math.round(opts.baseMs + (gzipBytes * 1000) / opts.floorBytesPerSec);
}
