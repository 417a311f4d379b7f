import { createPrng, deriveSeed } from '../prng';

/** What the link does to one request. */
export const LinkFault = {
  /** Forward the request and the response untouched (latency and bandwidth still apply). */
  pass: 'pass',
  /** Forward the whole request, let the upstream commit and answer, then reset the client's connection. */
  drop_response: 'drop_response',
  /** Forward only part of the request body, then close both sides: the upstream sees a truncated body. */
  cut_request: 'cut_request',
} as const;
export type LinkFault = (typeof LinkFault)[keyof typeof LinkFault];

/** The faults the link injects, and where. */
export interface FaultDraw {
  fault: LinkFault;
  /** For `cut_request`: the share of the body forwarded before the cut, in [0.1, 0.9). */
  cutFraction: number;
}

/** Probabilities of each fault on one request. */
export interface FaultRates {
  dropResponseAfterCommit: number;
  cutRequestMidBody: number;
}

/**
 * The seeded fate of request `index`: a function of (seed, index) only, so that the schedule
 * replays exactly whatever the timing, and a failing test can be rerun with its seed.
 */
export function drawFault(seed: number, index: number, rates: FaultRates): FaultDraw {
  const r = createPrng(deriveSeed(seed, index));
  const u = r.next();
  const cutFraction = 0.1 + r.next() * 0.8;
  if (u < rates.dropResponseAfterCommit) return { fault: LinkFault.drop_response, cutFraction };
  if (u < rates.dropResponseAfterCommit + rates.cutRequestMidBody)
    return { fault: LinkFault.cut_request, cutFraction };
  return { fault: LinkFault.pass, cutFraction };
}
