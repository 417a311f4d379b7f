/** Round trip and capacity of a link, in the units `startFaultyLink` takes. */
export interface LinkProfile {
  latencyMs: number;
  bandwidthBytesPerSec: number;
}

/**
 * The poor links the benchmarks and sync tests emulate (BENCHMARKS.md §2; docs/decisions.md §1 expects
 * 50–150 kbit/s and 300–800 ms in the field): 3G at 300 ms and 100 KB/s, EDGE ("2G") at 700 ms
 * and 20 KB/s. 1 KB = 1000 bytes here.
 */
export const linkProfiles = {
  '3g': { latencyMs: 300, bandwidthBytesPerSec: 100_000 },
  '2g': { latencyMs: 700, bandwidthBytesPerSec: 20_000 },
} as const satisfies Record<string, LinkProfile>;
