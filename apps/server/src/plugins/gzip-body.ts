import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * Accepts `Content-Encoding: gzip` request bodies (tablets compress pushes, docs/decisions.md §3.7). The body
 * is read whole (compressed size capped by the route's body limit), then inflated with an output cap
 * of the same limit, so a gzip bomb costs at most one limit of memory. Truncated or corrupt input is a
 * 400 `invalid_gzip`, an inflated body over the limit a 413 `body_too_large`; neither reaches a handler.
 */
export function registerGzipBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (encoding !== 'gzip') throw new AppError('unsupported_encoding', { details: { encoding } });
    const limit = request.routeOptions.bodyLimit;
    const compressed = await readAll(payload, limit);
    let body: Buffer;
    try {
      body = gunzipSync(compressed, { maxOutputLength: limit });
    } catch (e: unknown) {
      if (e instanceof RangeError)
        throw new AppError('body_too_large', { details: { limitBytes: limit }, cause: e });
      throw new AppError('invalid_gzip', { cause: e });
    }
    delete request.headers['content-encoding'];
    const stream = Readable.from([body]) as Readable & { receivedEncodedLength?: number };
    // Fastify compares Content-Length with this, not with the inflated length.
    stream.receivedEncodedLength = compressed.length;
    return stream;
  });
}

async function readAll(payload: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > limit) throw new AppError('body_too_large', { details: { limitBytes: limit } });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
