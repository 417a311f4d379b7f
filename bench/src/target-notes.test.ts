import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import type { PoorLinkResult } from './poor-link';
import type { BenchResults } from './results';
import { whyMissed } from './target-notes';
import { checkTargets } from './targets';

const gate = {
  ok: true,
  problems: [],
  serverCount: 500,
  clientCount: 500,
  duplicates: 0,
  pending: 0,
};
// 2G floor for 200 000 compressed bytes each way: 2 × (10 s + 0.7 s) = 21.4 s.
const run: PoorLinkResult = {
  peer: 'ours',
  profile: '2g',
  n: 500,
  pushMs: 30_000,
  pullMs: 15_000,
  totalMs: 45_000,
  requests: 17,
  retries: 0,
  faults: { drop_response: 0, cut_request: 0 },
  strayRejections: 0,
  linkBytes: 620_000,
  floorMs: 21_400,
  floorRatio: 45_000 / 21_400,
  gate,
};
const results = (poorLink: PoorLinkResult[]): BenchResults => ({
  date: '2026-11-29T09:00:00.000Z',
  machine: { cores: 2, memoryGiB: 24, cpu: 'x', node: 'v20', platform: 'linux' },
  config: readConfig({}),
  records: { seed: 2026, meanJsonBytes: {} },
  throughput: [],
  poorLink,
});

describe('whyMissed', () => {
  it('quotes the 2G run’s own bytes and round trips against the floor’s', () => {
    const r = results([run]);
    const [check] = checkTargets(r);
    expect(check?.met).toBe(false);
    const [first] = whyMissed(
      r,
      check ?? { id: '2g', where: '', target: '', measured: '', met: false },
    );
    expect(first).toContain(
      '0.62 MB crossed the link (31.0 s at 20 KB/s) where the floor moves 0.40 MB',
    );
    expect(first).toContain(
      '17 requests each paid the 700 ms round trip (11.9 s if none overlapped)',
    );
  });

  it('says nothing about a target that is met', () => {
    const r = results([{ ...run, totalMs: 20_000, floorRatio: 20_000 / 21_400 }]);
    const [check] = checkTargets(r);
    expect(check?.met).toBe(true);
    expect(check ? whyMissed(r, check) : ['x']).toEqual([]);
  });
});
