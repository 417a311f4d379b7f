import http from 'node:http';

/** Outcome of one request through the link, as the client sees it. */
export type SendResult =
  { ok: true; status: number; body: string; ms: number } | { ok: false; error: string; ms: number };

/**
 * One request on a fresh connection (no keep-alive, so a connection the link destroyed cannot
 * leak into the next request). Network failures are returned, not thrown: they are what the tests
 * are about.
 */
export function send(
  url: string,
  init: { method?: string; body?: string | Buffer; chunked?: boolean } = {},
): Promise<SendResult> {
  const started = performance.now();
  const ms = (): number => performance.now() - started;
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {};
    if (init.body !== undefined && init.chunked !== true)
      headers['content-length'] = Buffer.byteLength(init.body);
    const req = http.request(
      url,
      { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), agent: false, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: ms(),
          });
        });
        res.on('error', (e) => {
          resolve({ ok: false, error: e.message, ms: ms() });
        });
      },
    );
    req.on('error', (e) => {
      resolve({ ok: false, error: e.message, ms: ms() });
    });
    if (init.body === undefined) {
      req.end();
    } else if (init.chunked === true) {
      // Two writes so that the body really goes out chunked, without a content-length.
      const b = Buffer.from(init.body);
      req.write(b.subarray(0, b.length >> 1));
      req.end(b.subarray(b.length >> 1));
    } else {
      req.end(init.body);
    }
  });
}
