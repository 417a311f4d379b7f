import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed } from './prng';

describe('createPrng', () => {
  it('replays the same stream for the same seed and another for another seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int() within bounds and reaches both ends', () => {
    const r = createPrng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws chance(p) at roughly the rate p', () => {
    const r = createPrng(7);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (r.chance(0.2)) hits++;
    expect(hits / 10_000).toBeGreaterThan(0.18);
    expect(hits / 10_000).toBeLessThan(0.22);
  });

  it('makes well-formed, distinct v4 UUIDs', () => {
    const r = createPrng(9);
    const ids = Array.from({ length: 1000 }, () => r.uuid());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('deriveSeed', () => {
  it('gives unrelated seeds to neighbouring indexes, stably', () => {
    const seeds = Array.from({ length: 100 }, (_, i) => deriveSeed(5, i));
    expect(new Set(seeds).size).toBe(100);
    expect(deriveSeed(5, 10)).toBe(seeds[10]);
    expect(deriveSeed(6, 10)).not.toBe(seeds[10]);
  });
});
