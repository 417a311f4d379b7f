import { contentHash, generateHouseholds } from '@jigi/testkit';
import { describe, expect, it } from 'vitest';
import { compressedSize } from '../physical-floor';
import { runPoorLink } from '../poor-link';
import { BENCH_AUTHOR, type BenchRecord } from '../sync-peer';
import { runThroughput } from '../throughput';
import { pouchdbPeer } from './pouchdb-peer';

const records = generateHouseholds({
  seed: 5,
  count: 60,
  author: BENCH_AUTHOR,
}) as unknown as BenchRecord[];
const expected = {
  count: records.length,
  hash: contentHash(records),
  compressedBytes: compressedSize(records),
};

describe('PouchDB peer', () => {
  it('pushes, pulls into a fresh client and resyncs, passing the gate, with traffic counted at the server', async () => {
    const r = await runThroughput(pouchdbPeer(25), records, expected);
    expect(r.gate).toMatchObject({
      ok: true,
      serverCount: 60,
      clientCount: 60,
      duplicates: 0,
      pending: 0,
    });
    // At least one _bulk_docs per batch of 25, and the whole JSON went up.
    expect(r.push.requests).toBeGreaterThanOrEqual(3);
    expect(r.push.bytesIn).toBeGreaterThan(JSON.stringify(records).length);
    expect(r.pull.requests).toBeGreaterThanOrEqual(3);
    // Nothing to do: a few requests to compare checkpoints, and almost no bytes.
    expect(r.noop.requests).toBeLessThan(r.push.requests);
    expect(r.noop.bytesPerRecord).toBeLessThan(r.pull.bytesPerRecord);
  });

  it('syncs through the 3G link, faults and all, and still passes the gate', async () => {
    const r = await runPoorLink(pouchdbPeer(25), records, expected, '3g', 5);
    expect(r.gate.ok).toBe(true);
    expect(r.requests).toBeGreaterThan(0);
    // Slower than the floor, never faster: the link really constrains it.
    expect(r.floorRatio).toBeGreaterThan(1);
  }, 60_000);
});
