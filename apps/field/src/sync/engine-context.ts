import type { BatchSizing, PullPaging } from './batch-sizer';
import type { ClockSample } from './clock-offset';
import type { ProgressStore } from './progress';
import type { Transport } from './transport';

/** What one sync run shares between its push and pull phases. */
export interface RunContext {
  userId: string;
  deviceToken: string;
  transport: Transport;
  progress: ProgressStore;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Batch sizing carries over from one sync to the next (the link is the same). */
  sizing: BatchSizing;
  /** Pull page size, carried over like `sizing`. */
  paging: PullPaging;
  samples: ClockSample[];
  clockOffsetMs?: number | undefined;
  limits: EngineLimits;
  counters: RunCounters;
}

export interface EngineLimits {
  /** Push timeout: this allowance plus the body at `floorBytesPerSec`. */
  pushBaseTimeoutMs: number;
  floorBytesPerSec: number;
  pullTimeoutMs: number;
  /** First pull page of an engine: changes and JSON bytes; later pages grow while they come back fast. */
  pullLimit: number;
  pullMaxBytes: number;
  /** Failed requests in a row before a sync gives up and leaves it to the scheduler's backoff. */
  maxFailuresInRow: number;
  /** Pause before retrying within a sync, times the failure count. */
  retryPauseMs: number;
}

export const defaultLimits: EngineLimits = {
  pushBaseTimeoutMs: 20_000,
  floorBytesPerSec: 4_000,
  pullTimeoutMs: 60_000,
  pullLimit: 200,
  pullMaxBytes: 256_000,
  maxFailuresInRow: 4,
  retryPauseMs: 1_000,
};

export interface RunCounters {
  requests: number;
  bytesUp: number;
  bytesDown: number;
  sent: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejections: { recordId: string; code: string; message: string }[];
  batchNos: number[];
  /** Batches the server had already committed (its answer to an earlier attempt was lost): no new number. */
  replayedBatches: number;
  batchIds: string[];
  pulled: number;
  failures: number;
}

export function newCounters(): RunCounters {
  return {
    requests: 0,
    bytesUp: 0,
    bytesDown: 0,
    sent: 0,
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    rejections: [],
    batchNos: [],
    replayedBatches: 0,
    batchIds: [],
    pulled: 0,
    failures: 0,
  };
}
