import type { IncomingMessage } from 'node:http';
import type { LinkFault } from './fault-schedule';

/**
 * What a hook decides for one request: a fault, or an object that may also hold the request back
 * `delayMs` before it is forwarded (so that a later request overtakes it: reordered batches).
 * `undefined` — or an object without `fault` — leaves the fault to the seeded schedule.
 */
export type FaultHookResult = LinkFault | { fault?: LinkFault; delayMs?: number } | undefined;

/** Decides the fate of request `requestIndex` (0-based, in arrival order at the link). */
export type FaultHook = (requestIndex: number, req: IncomingMessage) => FaultHookResult;

/** Shape of the emulated link. Every field but `upstream` has a harmless default. */
export interface FaultyLinkOptions {
  /** Base URL of the real server behind the link, e.g. `http://127.0.0.1:4000`. */
  upstream: string;
  /** Seed of the fault schedule (default 1). */
  seed?: number;
  /** Added round trip per request, split evenly between the way up and the way down (default 0). */
  latencyMs?: number;
  /** Capacity of each direction in bytes per second, shared by all connections (default: no cap). */
  bandwidthBytesPerSec?: number;
  /** Probability that a request's response is lost after the upstream committed it (default 0). */
  dropResponseAfterCommit?: number;
  /** Probability that a request with a body is cut part-way through it (default 0). */
  cutRequestMidBody?: number;
  /** Scripted faults; overrides the random schedule for the requests it answers. */
  hook?: FaultHook;
  /** No network: every request is refused (connection reset) before reaching the upstream. */
  offline?: boolean;
}

/** Options that can change while the link runs (e.g. a test that loses the network for a while). */
export type FaultyLinkSettings = Omit<FaultyLinkOptions, 'upstream' | 'seed'>;

/** What happened to one request. */
export interface LinkRequestRecord {
  index: number;
  method: string;
  path: string;
  fault: LinkFault;
  /** Status the upstream answered, when it answered. */
  status?: number;
  /** Bytes that crossed the link towards the server (request line, headers, body). */
  bytesUp: number;
  /** Bytes that crossed the link towards the client (status line, headers, body). */
  bytesDown: number;
}

/** Counters of a link since it started (a live object: read it, don't keep it as a snapshot). */
export interface FaultyLinkStats {
  /** Requests that reached the link. */
  requests: number;
  /** Requests whose response reached the client whole. */
  completed: number;
  /** Bytes towards the server, request lines and headers included. */
  bytesUp: number;
  /** Bytes towards the client, status lines and headers included. */
  bytesDown: number;
  /** Faults injected, by kind. */
  faults: { drop_response: number; cut_request: number };
  /** Requests refused while the link was `offline`. */
  refused: number;
  /** One line per request, in arrival order. */
  log: LinkRequestRecord[];
}

/** A running link. */
export interface FaultyLink {
  /** Base URL to give the client instead of the upstream's. */
  url: string;
  stats: FaultyLinkStats;
  /** Changes latency, bandwidth or fault rates for requests that arrive from now on. */
  configure(settings: FaultyLinkSettings): void;
  /** Closes the link and every connection through it. */
  stop(): Promise<void>;
}
