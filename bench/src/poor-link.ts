import { performance } from 'node:perf_hooks';
import { linkProfiles, startFaultyLink, type LinkProfile } from '@jigi/testkit';
import { checkGate, type GateResult } from './gate';
import { physicalFloorMs } from './physical-floor';
import type { BenchRecord, SyncPeerFactory } from './sync-peer';

/** Issue 8 §2 for one peer, one profile and one N. */
export interface PoorLinkResult {
  peer: string;
  profile: keyof typeof linkProfiles;
  n: number;
  pushMs: number;
  pullMs: number;
  totalMs: number;
  /** Requests that reached the link (retries included). */
  requests: number;
  /** Sync attempts that failed and were started again. */
  retries: number;
  faults: { drop_response: number; cut_request: number };
  /**
   * Network errors the peer's library let escape as unhandled promise rejections (PouchDB's http
   * adapter does when the link resets while it sets a database up). A browser only logs these;
   * in Node they would kill the run, so they are counted here instead.
   */
  strayRejections: number;
  /** Bytes that crossed the link, both ways. */
  linkBytes: number;
  floorMs: number;
  /** totalMs ÷ floorMs; the target is ≤ 1.5. */
  floorRatio: number;
  gate: GateResult;
}

/** Fault rates of issue 8 §2. */
export const poorLinkFaults = { dropResponseAfterCommit: 0.02, cutRequestMidBody: 0.02 } as const;
const MAX_ATTEMPTS = 200;
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET']);

/** A connection-level failure (what the link injects), as opposed to a bug. */
export function isNetworkError(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  const code =
    (reason as Error & { code?: unknown }).code ??
    (reason.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/**
 * Runs `sync` until it succeeds, as an app does when the link drops it mid-way. Retries start at
 * once (no backoff), which favours the peer: the measured time is its protocol's, not a timer's.
 */
async function untilDone(sync: () => Promise<void>): Promise<number> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await sync();
      return attempt - 1;
    } catch (e: unknown) {
      if (attempt === MAX_ATTEMPTS)
        throw new Error(`gave up after ${MAX_ATTEMPTS} attempts`, { cause: e });
    }
  }
  return MAX_ATTEMPTS;
}

/**
 * Push N records through an emulated poor link with drops and cuts, then pull them into a fresh
 * client through the same link; compare the time with the physical floor (the gzip-compressed
 * records once up and once down, one round trip each way).
 */
export async function runPoorLink(
  factory: SyncPeerFactory,
  records: readonly BenchRecord[],
  expected: { count: number; hash: string; compressedBytes: number },
  profileName: keyof typeof linkProfiles,
  seed: number,
): Promise<PoorLinkResult> {
  const profile: LinkProfile = linkProfiles[profileName];
  const peer = await factory.create();
  const link = await startFaultyLink({
    upstream: peer.serverUrl,
    seed,
    ...profile,
    ...poorLinkFaults,
  });
  let strayRejections = 0;
  const onStray = (reason: unknown): void => {
    if (!isNetworkError(reason)) throw reason;
    strayRejections++;
  };
  process.on('unhandledRejection', onStray);
  try {
    await peer.writeLocal(records);
    peer.routeThrough(link.url);
    let started = performance.now();
    let retries = await untilDone(() => peer.push());
    const pushMs = performance.now() - started;
    started = performance.now();
    retries += await untilDone(() => peer.pullIntoFresh());
    const pullMs = performance.now() - started;
    peer.routeThrough(undefined);
    const gate = checkGate(expected, {
      server: await peer.serverRecords(),
      client: await peer.freshClientRecords(),
      pending: await peer.pending(),
    });
    const totalMs = pushMs + pullMs;
    const floorMs = 2 * physicalFloorMs(profile, expected.compressedBytes, 1);
    return {
      peer: peer.name,
      profile: profileName,
      n: records.length,
      pushMs,
      pullMs,
      totalMs,
      requests: link.stats.requests,
      retries,
      faults: { ...link.stats.faults },
      linkBytes: link.stats.bytesUp + link.stats.bytesDown,
      floorMs,
      floorRatio: totalMs / floorMs,
      strayRejections,
      gate,
    };
  } finally {
    process.off('unhandledRejection', onStray);
    await link.stop();
    await peer.close();
  }
}
