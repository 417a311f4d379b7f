// gzip through the platform's CompressionStream (Chromium, and Node 20 in tests): no library in the
// bundle. Bytes are written to the stream directly rather than through a Blob, which behaves the same
// in the browser and under jsdom.

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

export function gzipText(text: string): Promise<Uint8Array> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('gzip'));
}

/** Throws on a corrupt or truncated body (callers treat it as a failed read). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  return new TextDecoder().decode(await pipe(bytes, new DecompressionStream('gzip')));
}

/** UTF-8 length of a string, the size that counts against the wire limits (one definition, in packages/sync). */
export { utf8Length } from '@jigi/sync';
