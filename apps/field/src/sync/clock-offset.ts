// The tablet clock is wrong in the field (reset to 2001 after a flat battery, or a year ahead), so the
// server records the device's offset for the supervisor (docs/architecture.md §4). It is estimated the NTP way:
// a request leaves at device time t0, the server stamps `serverTime`, the answer arrives at t1; the
// server clock read the midpoint, within ± half the round trip. No decision on the tablet or the server
// depends on it.

export interface ClockSample {
  /** Device clock (ms) when the request left. */
  readonly sentAt: number;
  /** Device clock (ms) when the answer arrived. */
  readonly receivedAt: number;
  /** The answer's `serverTime` (ms). */
  readonly serverTime: number;
}

export interface ClockOffset {
  /** Server clock − device clock, in ms. */
  readonly offsetMs: number;
  /** Half the round trip of the sample it comes from: the estimate is within ± this. */
  readonly uncertaintyMs: number;
}

export function offsetOf(sample: ClockSample): ClockOffset {
  const rtt = Math.max(0, sample.receivedAt - sample.sentAt);
  return {
    offsetMs: Math.round(sample.serverTime - (sample.sentAt + rtt / 2)),
    uncertaintyMs: Math.ceil(rtt / 2),
  };
}

/** NTP's clock filter: of the samples of one sync, the one with the shortest round trip wins. */
export function bestOffset(samples: readonly ClockSample[]): ClockOffset | undefined {
  let best: ClockOffset | undefined;
  for (const s of samples) {
    const o = offsetOf(s);
    if (!best || o.uncertaintyMs < best.uncertaintyMs) best = o;
  }
  return best;
}
