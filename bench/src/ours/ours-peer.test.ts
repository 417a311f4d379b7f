import { contentHash, generateHouseholds } from '@jigi/testkit';
import { describe, expect, it } from 'vitest';
import { compressedSize } from '../physical-floor';
import { runPoorLink } from '../poor-link';
import { BENCH_AUTHOR, type BenchRecord } from '../sync-peer';
import { runThroughput } from '../throughput';
import { oursPeer } from './ours-peer';

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

describe('our peer (real server, field sync engine on fake-indexeddb)', () => {
  it('pushes, pulls into a fresh client and resyncs in one request each, passing the gate', async () => {
    const r = await runThroughput(oursPeer, records, expected);
    expect(r.gate).toMatchObject({
      ok: true,
      serverCount: 60,
      clientCount: 60,
      duplicates: 0,
      pending: 0,
    });
    // The batch sizer's first cap (32 KB of gzip, budgeted in JSON) takes the 160 KB of JSON in two
    // pushes; the sync then pulls the 60 back in one page.
    const split = r.details?.['pushSplit'] as {
      pushOnly: { requests: number; bytesIn: number; ms: number; serverMs: number };
      pullBack: { requests: number };
    };
    expect(split.pushOnly.requests).toBe(2);
    expect(split.pullBack.requests).toBe(1);
    // gzip: far fewer bytes up than the JSON.
    expect(split.pushOnly.bytesIn).toBeLessThan(JSON.stringify(records).length / 2);
    // The server's share of the push is measured, and is a share.
    expect(split.pushOnly.serverMs).toBeGreaterThan(0);
    expect(split.pushOnly.serverMs).toBeLessThan(split.pushOnly.ms);
    expect(r.pull.requests).toBe(1);
    // Nothing changed: A's sync is one pull with no change, and so is B's.
    expect(r.noop.requests).toBe(2);
  }, 60_000);

  it('syncs through the 3G link, faults and all, and still passes the gate', async () => {
    const r = await runPoorLink(oursPeer, records, expected, '3g', 5);
    expect(r.gate.ok).toBe(true);
    expect(r.floorRatio).toBeGreaterThan(1);
  }, 60_000);
});
