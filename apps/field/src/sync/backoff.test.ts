import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBackoff } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles per attempt, half fixed and half random, capped', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, low))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect([1, 2, 3].map((a) => backoffDelayMs(a, high))).toEqual([5_000, 10_000, 20_000]);
    expect(backoffDelayMs(40, high)).toBe(defaultBackoff.maxMs);
    expect(backoffDelayMs(40, low)).toBe(defaultBackoff.maxMs / 2);
  });

  it('never undercuts the server hint', () => {
    expect(backoffDelayMs(1, () => 0.5, defaultBackoff, 30_000)).toBe(30_000);
  });

  it('spreads a herd of tablets', () => {
    let x = 1;
    const random = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 200 }, () => backoffDelayMs(3, random));
    expect(new Set(delays).size).toBeGreaterThan(150);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(20_000);
  });
});
