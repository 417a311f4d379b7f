/**
 * The post-distribution check: how many paid households to visit or call, and which ones.
 *
 * Size (UNICEF HOPE's formula): n0 = z² · 0.25 / e², n = ceil(N · n0 / (n0 + N) × 1.5), capped at N —
 * the finite-population sample for a proportion at its most uncertain (p = 0.5), inflated by half for
 * households not reached. The draw is reproducible from a seed the server records with the sample, so
 * an auditor can re-draw the same households; the domain stays free of randomness (the caller passes
 * the seed).
 */

/** z for a two-sided 95 % confidence level. */
export const Z_95 = 1.96;
/** Default margin of error: ± 5 points. */
export const DEFAULT_MARGIN = 0.05;
/** Inflation for households that cannot be reached. */
export const NON_RESPONSE_FACTOR = 1.5;

export function postDistributionSampleSize(
  paidHouseholds: number,
  options: { z?: number; margin?: number } = {},
): number {
  if (!Number.isInteger(paidHouseholds) || paidHouseholds < 0)
    throw new RangeError('paidHouseholds must be a whole number ≥ 0');
  if (paidHouseholds === 0) return 0;
  const z = options.z ?? Z_95;
  const e = options.margin ?? DEFAULT_MARGIN;
  if (!(e > 0 && e < 1)) throw new RangeError('margin must be between 0 and 1');
  const n0 = (z * z * 0.25) / (e * e);
  const n = Math.ceil(((paidHouseholds * n0) / (n0 + paidHouseholds)) * NON_RESPONSE_FACTOR);
  return Math.min(paidHouseholds, n);
}

/** mulberry32: a small, well-mixed 32-bit generator, enough for drawing a sample reproducibly. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws `size` distinct households from `householdIds` with the seed. The ids are sorted first, so
 * the draw depends on the set of households and the seed, never on the order they were read in.
 */
export function drawSample(householdIds: readonly string[], size: number, seed: number): string[] {
  const ids = [...new Set(householdIds)].sort();
  const n = Math.min(size, ids.length);
  const next = generator(seed);
  // Partial Fisher–Yates: the first n places end up a uniform sample without replacement.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (ids.length - i));
    const picked = ids[j] as string;
    ids[j] = ids[i] as string;
    ids[i] = picked;
  }
  return ids.slice(0, n);
}
