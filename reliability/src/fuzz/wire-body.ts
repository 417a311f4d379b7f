import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/** One request body as bytes on the wire, with the headers that describe it. */
export type WireBody = {
  kind: string;
  payload: Buffer | undefined;
  headers: Record<string, string>;
};

// 30 MB of spaces in ~30 kB: inflating it must stop at the route's limit (413), not exhaust memory.
const bomb = gzipSync(Buffer.alloc(30_000_000, 0x20));

/** JSON text of any value (`undefined`, which JSON.stringify leaves undefined, becomes `null`). */
function jsonText(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

const json = (value: unknown): WireBody => ({
  kind: 'json',
  payload: Buffer.from(jsonText(value)),
  headers: { 'content-type': 'application/json' },
});

/**
 * How a (possibly hostile) value travels: plain JSON, gzip, corrupt or truncated gzip, a gzip
 * bomb, bytes that are not JSON, prototype poisoning, a wrong or missing content type, no body.
 */
export function wireBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  return fc.oneof(
    { weight: 8, arbitrary: value.map(json) },
    {
      weight: 2,
      arbitrary: value.map((v) => ({
        kind: 'gzip',
        payload: gzipSync(jsonText(v)),
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(value, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean())
        .map(([v, at, xor, truncate]) => {
          const gz = gzipSync(jsonText(v));
          const bad = truncate ? gz.subarray(0, Math.max(1, at % gz.length)) : Buffer.from(gz);
          if (!truncate) {
            const i = 10 + (at % Math.max(1, gz.length - 18));
            bad[i] = (bad[i] ?? 0) ^ xor;
          } // deflate data or trailer, not the magic
          return {
            kind: truncate ? 'gzip_truncated' : 'gzip_corrupt',
            payload: bad,
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        kind: 'gzip_bomb',
        payload: bomb,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      }),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => ({
        kind: 'bytes',
        payload: Buffer.from(b),
        headers: { 'content-type': 'application/json' },
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{"__proto__":{"role":"admin"}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '{"a":',
          '',
          'null',
          '[]',
          '"text"',
          '1e999999',
        )
        .map((t) => ({
          kind: 'raw_json',
          payload: Buffer.from(t),
          headers: { 'content-type': 'application/json' },
        })),
    },
    {
      weight: 1,
      arbitrary: value.map((v) => ({
        kind: 'wrong_type',
        payload: Buffer.from(jsonText(v)),
        headers: { 'content-type': 'application/xml' },
      })),
    },
    {
      weight: 1,
      arbitrary: value.map((v) => ({
        kind: 'brotli_claimed',
        payload: Buffer.from(jsonText(v)),
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none', payload: undefined, headers: {} }) },
  );
}
