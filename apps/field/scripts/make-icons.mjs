// Writes the app icons (public/icons/*.png) from one tiny vector description, so no image tool is
// needed: a dark green square with a white « J » and a yellow dot. Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [11, 79, 60];
const WHITE = [255, 255, 255];
const YELLOW = [250, 204, 21];

// Shape in a 0..1 square; `pad` shrinks it for the maskable icon's safe zone.
function colourAt(x, y, pad) {
  const u = (x - pad) / (1 - 2 * pad);
  const v = (y - pad) / (1 - 2 * pad);
  const inStem = u > 0.52 && u < 0.66 && v > 0.2 && v < 0.62;
  const dx = u - 0.42,
    dy = v - 0.62;
  const r = Math.hypot(dx, dy);
  const inHook = v >= 0.62 && r > 0.1 && r < 0.24 && u > 0.18;
  const inDot = Math.hypot(u - 0.3, v - 0.3) < 0.08;
  if (inStem || inHook) return WHITE;
  if (inDot) return YELLOW;
  return GREEN;
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pad) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = colourAt((x + 0.5) / size, (y + 0.5) / size, pad);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, 0));
writeFileSync(new URL('icon-512.png', out), png(512, 0));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.12));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, 0));
writeFileSync(
  new URL('icon.svg', out),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#0b4f3c"/><rect x="52" y="20" width="14" height="42" fill="#fff"/><path d="M66 62 A24 24 0 0 1 18 62 L32 62 A10 10 0 0 0 52 62 Z" fill="#fff"/><circle cx="30" cy="30" r="8" fill="#facc15"/></svg>\n`,
);
