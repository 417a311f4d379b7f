import { wireLimits } from '@jigi/sync';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterPage,
  afterPullFailure,
  afterSuccess,
  batchSizingDefaults,
  initialPaging,
  initialSizing,
  jsonBudget,
  pushTimeoutMs,
  resumeSizing,
} from './batch-sizer';

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
    expect(jsonBudget({ capBytes: 256_000, ratio: 0.02 })).toBe(
      wireLimits.maxPushBodyBytes - 4_096,
    );
  });

  it('allows a timeout proportional to the body', () => {
    expect(pushTimeoutMs(20_000, { baseMs: 10_000, floorBytesPerSec: 2_000 })).toBe(20_000);
  });

  it('grows after a batch that filled its JSON budget though it compressed better than guessed', () => {
    const s = initialSizing();
    const grown = afterSuccess(s, {
      gzipBytes: Math.round(jsonBudget(s) * 0.15),
      jsonBytes: jsonBudget(s) - 500,
    });
    expect(grown.capBytes).toBe(batchSizingDefaults.initialBytes * 2);
    expect(grown.ratio).toBeCloseTo(0.15, 2);
  });

  it("resumes the last sync's cap only when that sync had no timeout or drop", () => {
    expect(resumeSizing(undefined)).toEqual(initialSizing());
    expect(resumeSizing({ capBytes: 256_000, ratio: 0.15, clean: true })).toEqual({
      capBytes: 256_000,
      ratio: 0.15,
    });
    expect(resumeSizing({ capBytes: 256_000, ratio: 0.15, clean: false }).capBytes).toBe(
      batchSizingDefaults.initialBytes,
    );
    expect(resumeSizing({ capBytes: 8_000, ratio: 0.15, clean: false }).capBytes).toBe(8_000);
    expect(resumeSizing({ capBytes: 9e9, ratio: 0, clean: true })).toEqual({
      capBytes: batchSizingDefaults.maxBytes,
      ratio: 0.02,
    });
  });
});

describe('pull paging', () => {
  const first = initialPaging({ pullLimit: 200, pullMaxBytes: 256_000 });

  it('doubles after full pages that came back fast, up to what the server accepts', () => {
    let p = first;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      p = afterPage(p, { hasMore: true, elapsedMs: 300, timeoutMs: 60_000 });
      seen.push(p.maxBytes);
    }
    expect(seen).toEqual([
      512_000,
      1_024_000,
      2_048_000,
      wireLimits.maxPullBytes,
      wireLimits.maxPullBytes,
      wireLimits.maxPullBytes,
    ]);
    expect(p.limit).toBe(wireLimits.maxPullLimit);
  });

  it('keeps the size after the last page or a page of middling speed, halves after a slow page or a failure', () => {
    expect(afterPage(first, { hasMore: false, elapsedMs: 300, timeoutMs: 60_000 })).toEqual(first);
    expect(afterPage(first, { hasMore: true, elapsedMs: 20_000, timeoutMs: 60_000 })).toEqual(
      first,
    );
    expect(afterPage(first, { hasMore: true, elapsedMs: 40_000, timeoutMs: 60_000 })).toEqual({
      limit: 100,
      maxBytes: 128_000,
    });
    let p = first;
    for (let i = 0; i < 8; i++) p = afterPullFailure(p);
    expect(p).toEqual({ limit: 25, maxBytes: wireLimits.minPullBytes });
  });
});
