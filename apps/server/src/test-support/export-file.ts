import { exportFileText } from '@jigi/sync';
import { pushBody, type TestDevice } from './sync-client';

/** gzip through CompressionStream, as the tablet writes its export file. */
export async function gzipLikeTablet(text: string): Promise<Buffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/**
 * An export file as the tablet writes it (`exportFileText` of @jigi/sync, the tablet's writer): one
 * push body per batch of mutations, each carrying the tablet's clock offset estimate.
 */
export function exportText(
  device: TestDevice,
  userId: string,
  batches: unknown[][],
  exportedAt = '2026-03-01T16:00:00.000Z',
): string {
  const bodies = batches.map((mutations) =>
    JSON.stringify({ ...pushBody(device, mutations), clockOffsetMs: -120_000 }),
  );
  return exportFileText({ deviceId: device.deviceId, userId, exportedAt }, bodies);
}

export async function exportFileBytes(
  device: TestDevice,
  userId: string,
  batches: unknown[][],
): Promise<Buffer> {
  return gzipLikeTablet(exportText(device, userId, batches));
}
