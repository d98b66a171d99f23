// Draws the extension icon (a lens over status bars) at 16/32/48/128 px as PNG, with no
// image library: a tiny RGBA rasteriser and zlib. Run once; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const bars = [
  [0.18, [46, 160, 67]],
  [0.38, [210, 153, 34]],
  [0.58, [218, 54, 51]],
];
function pixel(x, y, s) {
  const u = x / s,
    v = y / s;
  const r = 0.2,
    inside =
      Math.max(Math.abs(u - 0.5) - (0.5 - r), 0) ** 2 + Math.max(Math.abs(v - 0.5) - (0.5 - r), 0) ** 2 <=
      r * r;
  if (!inside) return [0, 0, 0, 0];
  const d = Math.hypot(u - 0.56, v - 0.5);
  if (d > 0.24 && d < 0.31) return [255, 255, 255, 255];
  if (u > 0.72 && v > 0.66 && Math.abs(u - v - 0.06) < 0.06 && u < 0.9) return [255, 255, 255, 255];
  for (const [top, c] of bars)
    if (v > top + 0.08 && v < top + 0.16 && u > 0.38 && u < 0.74) return [...c, 255];
  return [32, 44, 64, 255];
}
mkdirSync('public/icons', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s, pixel));
