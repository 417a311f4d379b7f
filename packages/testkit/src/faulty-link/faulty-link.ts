import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { drawFault, LinkFault } from './fault-schedule';
import { endToEndHeaders, hasBody, headBytes } from './http-heads';
import { createLinkPipe, throttle } from './link-pipe';
import type {
  FaultyLink,
  FaultyLinkOptions,
  FaultyLinkSettings,
  FaultyLinkStats,
  LinkRequestRecord,
} from './types';

/**
 * Starts an HTTP proxy on 127.0.0.1 (free port) in front of `options.upstream` that behaves like a
 * poor mobile link: added round trip, a bandwidth cap shared by all connections in each direction,
 * and a seeded schedule of the two faults that break naive sync — a response lost after the
 * server committed (the client must retry without duplicating) and a request cut mid-body (the
 * server must not apply a partial batch). Tests script exact faults with `options.hook`.
 */
export async function startFaultyLink(options: FaultyLinkOptions): Promise<FaultyLink> {
  const upstream = new URL(options.upstream);
  const basePath = upstream.pathname.replace(/\/$/, '');
  const seed = options.seed ?? 1;
  let settings: FaultyLinkSettings = { ...options };
  const up = createLinkPipe(settings.bandwidthBytesPerSec ?? Infinity);
  const down = createLinkPipe(settings.bandwidthBytesPerSec ?? Infinity);
  // Keep-alive towards the upstream: the link, not the proxy, is what the tests emulate, and a
  // benchmark of thousands of requests must not run out of ephemeral ports.
  const agent = new http.Agent({ keepAlive: true });
  const stats: FaultyLinkStats = {
    requests: 0,
    completed: 0,
    bytesUp: 0,
    bytesDown: 0,
    faults: { drop_response: 0, cut_request: 0 },
    refused: 0,
    log: [],
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const index = stats.requests++;
    const current = settings;
    if (current.offline === true) {
      stats.refused++;
      req.socket.destroy();
      return;
    }
    const rate = current.bandwidthBytesPerSec ?? Infinity;
    const oneWayMs = (current.latencyMs ?? 0) / 2;
    const decided = current.hook?.(index, req);
    const scripted = typeof decided === 'object' ? decided.fault : decided;
    const holdMs = typeof decided === 'object' ? (decided.delayMs ?? 0) : 0;
    const draw = drawFault(seed, index, {
      dropResponseAfterCommit: current.dropResponseAfterCommit ?? 0,
      cutRequestMidBody: current.cutRequestMidBody ?? 0,
    });
    // A random cut needs a body to cut; a scripted cut of a bodiless request loses it whole.
    const fault =
      scripted ??
      (draw.fault === LinkFault.cut_request && !hasBody(req) ? LinkFault.pass : draw.fault);
    const record: LinkRequestRecord = {
      index,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      fault,
      bytesUp: 0,
      bytesDown: 0,
    };
    stats.log.push(record);
    if (fault !== LinkFault.pass) stats.faults[fault]++;
    const countUp = (n: number): void => {
      record.bytesUp += n;
      stats.bytesUp += n;
    };
    const countDown = (n: number): void => {
      record.bytesDown += n;
      stats.bytesDown += n;
    };

    // The request head travels first: its bytes take their turn on the pipe, then half a round trip.
    const head = headBytes(`${record.method} ${record.path} HTTP/1.1`, req.rawHeaders);
    await up.transmit(head);
    countUp(head);
    await sleep(oneWayMs + holdMs);

    if (fault === LinkFault.cut_request && !hasBody(req)) {
      req.socket.destroy();
      return;
    }

    const upstreamReq = http.request({
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: basePath + record.path,
      headers: { ...endToEndHeaders(req.headers), host: upstream.host },
    });
    let cut = false;
    const cutBoth = (): void => {
      cut = true;
      upstreamReq.destroy();
      req.socket.destroy();
    };
    upstreamReq.on('error', () => {
      // After a cut the error is ours; otherwise the upstream is unreachable or reset: say so.
      if (cut) return;
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'text/plain' }).end('faulty-link: upstream error');
      else res.destroy();
    });
    let upstreamDone = false;
    // A client that gives up (timeout, abort) must not leave the upstream request dangling.
    res.on('close', () => {
      if (!upstreamDone) upstreamReq.destroy();
    });

    const body = req.pipe(throttle(up, rate));
    if (fault === LinkFault.cut_request) {
      const declared = Number(req.headers['content-length'] ?? NaN);
      let budget: number | undefined = Number.isFinite(declared)
        ? Math.max(1, Math.floor(declared * draw.cutFraction))
        : undefined;
      body.on('data', (chunk: Buffer) => {
        if (cut) return;
        // Chunked body of unknown length: cut inside the first chunk.
        budget ??= Math.max(1, Math.floor(chunk.length * draw.cutFraction));
        const part = chunk.subarray(0, Math.min(chunk.length, budget));
        budget -= part.length;
        countUp(part.length);
        if (budget > 0) {
          upstreamReq.write(part);
          return;
        }
        body.pause();
        cut = true;
        // Close only once the partial bytes are handed to the socket, so the upstream receives them.
        upstreamReq.write(part, () => setImmediate(cutBoth));
      });
      body.on('end', () => {
        if (!cut) cutBoth();
      });
      return;
    }
    body.on('data', (chunk: Buffer) => {
      countUp(chunk.length);
    });
    body.pipe(upstreamReq);

    upstreamReq.on('response', (upstreamRes) => {
      record.status = upstreamRes.statusCode ?? 0;
      upstreamRes.on('end', () => {
        upstreamDone = true;
      });
      if (fault === LinkFault.drop_response) {
        // The upstream has committed and answers in full; the client never hears of it.
        // The client notices no sooner than the response would have reached it.
        upstreamRes.resume();
        upstreamRes.on('end', () => {
          setTimeout(() => req.socket.destroy(), oneWayMs);
        });
        return;
      }
      void (async () => {
        await sleep(oneWayMs);
        const resHead = headBytes(
          `HTTP/1.1 ${upstreamRes.statusCode ?? 0} ${upstreamRes.statusMessage ?? ''}`,
          upstreamRes.rawHeaders,
        );
        await down.transmit(resHead);
        countDown(resHead);
        if (res.destroyed) return;
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          upstreamRes.statusMessage,
          endToEndHeaders(upstreamRes.headers),
        );
        const downBody = upstreamRes.pipe(throttle(down, rate));
        downBody.on('data', (chunk: Buffer) => {
          countDown(chunk.length);
        });
        downBody.pipe(res);
        res.on('finish', () => {
          stats.completed++;
        });
      })();
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the link itself: fail loudly to the client rather than hang the test.
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`faulty-link: ${String(e)}`);
      else res.destroy();
    });
  });
  // No request or header timeouts: a 2G emulation legitimately keeps a request open for minutes.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    configure(next) {
      settings = { ...settings, ...next };
      if (next.bandwidthBytesPerSec !== undefined) {
        up.setRate(next.bandwidthBytesPerSec);
        down.setRate(next.bandwidthBytesPerSec);
      }
    },
    async stop() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve, reject) => {
        server.close((e) => {
          if (e) reject(e);
          else resolve();
        });
      });
    },
  };
}
