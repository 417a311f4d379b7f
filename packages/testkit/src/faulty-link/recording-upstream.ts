import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  /** Body bytes received. */
  received: number;
  /** Declared `content-length`, if any. */
  declared?: number;
  /** `complete` once the body ended and a response was sent; `aborted` if the connection died first. */
  outcome: 'pending' | 'complete' | 'aborted';
}

/**
 * A tiny real upstream for the link's own tests: it reads each body to the end, then answers
 * `{ received }` padded to `?size=` bytes, and keeps a log of what it saw.
 */
export async function startRecordingUpstream(): Promise<{
  url: string;
  seen: SeenRequest[];
  stop(): Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const entry: SeenRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      received: 0,
      outcome: 'pending',
    };
    const declared = req.headers['content-length'];
    if (declared !== undefined) entry.declared = Number(declared);
    seen.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.received += chunk.length;
    });
    // A cut connection surfaces as an `error` (ECONNRESET "aborted") and a close without `end`.
    req.on('error', () => {
      entry.outcome = 'aborted';
    });
    req.on('close', () => {
      if (!req.complete) entry.outcome = 'aborted';
    });
    req.on('end', () => {
      const size = Number(new URL(entry.path, 'http://x').searchParams.get('size') ?? 0);
      const body = JSON.stringify({
        received: entry.received,
        pad: 'x'.repeat(Math.max(0, size - 40)),
      });
      entry.outcome = 'complete';
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
