import { wireLimits } from '@jigi/sync';
import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, batchSizingDefaults, initialSizing, jsonBudget, pushTimeoutMs } from './batch-sizer';

describe('batch sizing', () => {
  it('grows after full batches up to the ceiling, and learns the ratio', () => {
    let s = initialSizing();
    const caps: number[] = [];
    for (let i = 0; i < 6; i++) {
      s = afterSuccess(s, { gzipBytes: s.capBytes, jsonBytes: s.capBytes * 4 });
      caps.push(s.capBytes);
    }
    expect(caps).toEqual([64_000, 128_000, 256_000, 256_000, 256_000, 256_000]);
    expect(s.ratio).toBe(0.25);
  });

  it('does not grow on a batch that was small because the outbox ran out', () => {
    const s = afterSuccess(initialSizing(), { gzipBytes: 1_000, jsonBytes: 4_000 });
    expect(s.capBytes).toBe(batchSizingDefaults.initialBytes);
  });

  it('halves after a failure down to the floor', () => {
    let s = initialSizing();
    const caps: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = afterFailure(s);
      caps.push(s.capBytes);
    }
    expect(caps).toEqual([16_000, 8_000, 4_000, 4_000, 4_000]);
  });

  it('turns the gzip cap into a JSON budget below the server limit', () => {
    expect(jsonBudget({ capBytes: 30_000, ratio: 0.3 })).toBe(100_000);
    expect(jsonBudget({ capBytes: 256_000, ratio: 0.02 })).toBe(wireLimits.maxPushBodyBytes - 4_096);
  });

  it('allows a timeout proportional to the body', () => {
    expect(pushTimeoutMs(20_000, { baseMs: 10_000, floorBytesPerSec: 2_000 })).toBe(20_000);
  });
});
