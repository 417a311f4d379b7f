import { describe, expect, it } from 'vitest';
import { gapGrowth, splitPull } from './pull-timing';

describe('splitPull', () => {
  it('counts request→response as network and the gaps to the next request (and to the end) as storage', () => {
    const split = splitPull(
      [
        { startTime: 150, responseEnd: 170 },
        { startTime: 100, responseEnd: 130 },
        { startTime: 210, responseEnd: 215 },
      ],
      260,
    );
    // network 30 + 20 + 5; storage (150−130) + (210−170) + (260−215)
    expect(split).toEqual({
      pages: 3,
      networkMs: 55,
      storeMs: 105,
      totalMs: 160,
      storeGapsMs: [20, 40, 45],
    });
  });

  it('refuses an end before the last answer and an empty pull', () => {
    expect(() => splitPull([{ startTime: 0, responseEnd: 50 }], 40)).toThrow(
      'before its last pull answer',
    );
    expect(() => splitPull([], 10)).toThrow('no pull request');
  });
});

describe('gapGrowth', () => {
  it('compares the first and last pages, leaving out the one that closes the sync', () => {
    expect(gapGrowth([10, 12, 50, 70, 999], 2)).toEqual({ pages: 2, firstMs: 11, lastMs: 60 });
  });
  it('compares fewer pages when the pull had few', () => {
    expect(gapGrowth([10, 20, 30, 40, 50, 999], 10)).toEqual({ pages: 2, firstMs: 15, lastMs: 45 });
  });
  it('refuses a pull too short to compare', () => {
    expect(() => gapGrowth([1, 2], 2)).toThrow('needs 2 pages');
  });
});
