/**
 * Seeded pseudo-random numbers for reproducible fixtures and fault schedules. Tests and benchmarks
 * never call `Math.random`: a failing seed must replay the same records and the same faults.
 */

/** A seeded random source. Every method advances the same stream. */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** RFC 4122 version-4 UUID made from the stream (so ids repeat with the seed). */
  uuid(): string;
}

/**
 * mulberry32: 32-bit state, full period 2^32, passes gjrand's basic tests; more than enough for
 * fixtures and fault draws, and trivially reproducible across platforms.
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() needs a non-empty list');
      return items[int(0, items.length - 1)] as T;
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(0, 3)).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/**
 * Seed of an independent sub-stream, e.g. the fault draw of request n. Deriving per index (rather
 * than sharing one stream) keeps request n's fate fixed even when concurrent requests arrive in a
 * different order from one run to the next.
 */
export function deriveSeed(seed: number, index: number): number {
  // splitmix32-style avalanche of (seed, index), so neighbouring indexes get unrelated seeds.
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
