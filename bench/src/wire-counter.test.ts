import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { countWire, diff, snapshot } from './wire-counter';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('countWire', () => {
  it('counts requests and the bytes on the sockets, heads included', async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('x'.repeat(1000)));
    });
    const stats = countWire(server);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const before = snapshot(stats);
    await fetch(url, { method: 'POST', body: 'y'.repeat(500) });
    await fetch(url);
    const d = diff(stats, before);
    expect(d.requests).toBe(2);
    expect(d.bytesIn).toBeGreaterThan(500);
    expect(d.bytesOut).toBeGreaterThan(2000);
    expect(d.bytesOut).toBeLessThan(3000);
  });
});
