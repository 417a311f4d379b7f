import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';

// Hop-by-hop headers describe one connection, not the message: a proxy must not forward them
// (RFC 9110 §7.6.1). Node re-frames bodies itself, so transfer-encoding goes too.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers of `headers` that may cross a proxy, minus `host` (set to the upstream's). */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') out[name] = value;
  }
  return out;
}

/** Size of an HTTP/1.1 message head as it travels: start line, header lines, blank line. */
export function headBytes(startLine: string, rawHeaders: readonly string[]): number {
  let n = Buffer.byteLength(startLine) + 2 + 2;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    n += Buffer.byteLength(`${rawHeaders[i] ?? ''}: ${rawHeaders[i + 1] ?? ''}\r\n`);
  return n;
}

/** Whether a request announces a body (a GET normally does not). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}
