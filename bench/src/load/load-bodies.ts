import { randomUUID } from 'node:crypto';
import type { AnyRecord } from '../../../apps/field/src/storage/types';
import { gzipText } from '../../../apps/field/src/sync/gzip';
import { batchHead, pushBodyText, toWireMutation } from '../../../apps/field/src/sync/wire';
import type { BenchRecord } from '../sync-peer';
import type { LoadDevice } from './load-provision';

/** The households one device sends, moved into its own village and signed by its enumerator. */
export function householdsOf(device: LoadDevice, records: readonly BenchRecord[]): BenchRecord[] {
  return records.map((r) => ({
    ...r,
    villageId: device.villageId,
    agentId: device.userId,
    deviceId: device.deviceId,
  }));
}

/**
 * A device's pushes, byte for byte as the field app sends them (its `wire.ts` and `gzip.ts`): new
 * households as `create` mutations, `perBatch` per push, mutation ids ascending from 1 with no gap.
 * Built before the run, so the load generator spends no CPU on JSON or gzip while measuring.
 */
export async function pushBodies(
  device: LoadDevice,
  records: readonly BenchRecord[],
  perBatch: number,
  clientTime: string,
): Promise<Buffer[]> {
  const bodies: Buffer[] = [];
  for (let first = 0; first < records.length; first += perBatch) {
    const mutations = records.slice(first, first + perBatch).map((record, i) =>
      toWireMutation(
        {
          userId: device.userId,
          recordId: record.id,
          recordType: String(record['type']),
          op: 'create',
          baseVersion: 0,
          record: record as unknown as AnyRecord,
          clientTime,
          state: 'pending',
        },
        first + i + 1,
      ),
    );
    const text = pushBodyText(
      batchHead({ deviceId: device.deviceId, batchId: randomUUID(), clientTime }),
      mutations,
    );
    bodies.push(Buffer.from(await gzipText(text)));
  }
  return bodies;
}
