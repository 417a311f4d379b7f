import { gzipSync } from 'node:zlib';

/**
 * The least time any sync could take over a link: the payload, gzip-compressed, through the
 * bandwidth, plus one round trip per request it cannot avoid. Latency and bandwidth overlap in a
 * real transfer, so this is a true lower bound; "within 1.5× of the floor" is issue 8's target.
 */
export function physicalFloorMs(
  link: { latencyMs: number; bandwidthBytesPerSec: number },
  compressedBytes: number,
  fewestRequests: number,
): number {
  return (compressedBytes / link.bandwidthBytesPerSec) * 1000 + link.latencyMs * fewestRequests;
}

/** Size of the records as one gzip stream (level 9): the least a gzip-speaking protocol must move. */
export function compressedSize(records: readonly unknown[]): number {
  return gzipSync(JSON.stringify(records), { level: 9 }).length;
}
