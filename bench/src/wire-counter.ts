import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Traffic seen by an HTTP server, counted on its sockets (so heads, framing and gzip are included). */
export interface WireStats {
  /** HTTP requests received. */
  readonly requests: number;
  /** Bytes read from clients. */
  readonly bytesIn: number;
  /** Bytes written to clients. */
  readonly bytesOut: number;
}

/**
 * Counts what crosses a server's sockets. Bytes come from each socket's own counters (read when it
 * closes, and live for open ones) rather than from bodies, so both peers are measured the same way
 * whatever their framing, headers or compression.
 */
export function countWire(server: Server): WireStats {
  let requests = 0;
  let closedIn = 0;
  let closedOut = 0;
  const open = new Set<Socket>();
  server.on('request', () => {
    requests++;
  });
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => {
      closedIn += socket.bytesRead;
      closedOut += socket.bytesWritten;
      open.delete(socket);
    });
  });
  const live = (key: 'bytesRead' | 'bytesWritten'): number =>
    [...open].reduce((sum, s) => sum + s[key], 0);
  return {
    get requests() {
      return requests;
    },
    get bytesIn() {
      return closedIn + live('bytesRead');
    },
    get bytesOut() {
      return closedOut + live('bytesWritten');
    },
  };
}

/** A frozen copy of the counters, to subtract from a later one. */
export function snapshot(stats: WireStats): WireStats {
  return { requests: stats.requests, bytesIn: stats.bytesIn, bytesOut: stats.bytesOut };
}

/** Traffic between two snapshots. */
export function diff(after: WireStats, before: WireStats): WireStats {
  return {
    requests: after.requests - before.requests,
    bytesIn: after.bytesIn - before.bytesIn,
    bytesOut: after.bytesOut - before.bytesOut,
  };
}
