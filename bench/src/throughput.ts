import { performance } from 'node:perf_hooks';
import { checkGate, type GateResult } from './gate';
import type { BenchRecord, SyncPeer, SyncPeerFactory } from './sync-peer';
import { diff, snapshot, type WireStats } from './wire-counter';

/** One timed phase, with the traffic the server saw during it. */
export interface PhaseResult extends WireStats {
  ms: number;
  /** Records moved per second (`n / seconds`); for the no-op resync, the records it re-checked. */
  recordsPerSec: number;
  /** (bytes in + bytes out) ÷ records. */
  bytesPerRecord: number;
}

/** Issue 8 §1 for one peer and one N. */
export interface ThroughputResult {
  peer: string;
  n: number;
  push: PhaseResult;
  pull: PhaseResult;
  noop: PhaseResult;
  gate: GateResult;
  /** The peer's own detail of the run (`SyncPeer.details`), when it gives one. */
  details?: Record<string, unknown>;
}

/** Times `work` and returns the server's traffic during it. */
export async function measurePhase(
  peer: SyncPeer,
  n: number,
  work: () => Promise<void>,
): Promise<PhaseResult> {
  const before = snapshot(peer.stats);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const wire = diff(peer.stats, before);
  return {
    ...wire,
    ms,
    recordsPerSec: n / (ms / 1000),
    bytesPerRecord: (wire.bytesIn + wire.bytesOut) / n,
  };
}

/** Push N records from client A, pull them into a fresh client B, resync with nothing new, then gate. */
export async function runThroughput(
  factory: SyncPeerFactory,
  records: readonly BenchRecord[],
  expected: { count: number; hash: string },
): Promise<ThroughputResult> {
  const peer = await factory.create();
  try {
    await peer.writeLocal(records);
    const push = await measurePhase(peer, records.length, () => peer.push());
    const pull = await measurePhase(peer, records.length, () => peer.pullIntoFresh());
    const noop = await measurePhase(peer, records.length, () => peer.noopResync());
    const gate = checkGate(expected, {
      server: await peer.serverRecords(),
      client: await peer.freshClientRecords(),
      pending: await peer.pending(),
    });
    const details = peer.details?.();
    return {
      peer: peer.name,
      n: records.length,
      push,
      pull,
      noop,
      gate,
      ...(details ? { details } : {}),
    };
  } finally {
    await peer.close();
  }
}
