// Rewrites an 8-bit RGB PNG (a screenshot of the panel) as a 256-colour palette PNG, about a
// third of the size, with no image library: `node scripts/palette-png.mjs in.png out.png`.
// docs/screenshot.png ships in the npm package (README shows it), so a refreshed screenshot
// goes through this first; test/e2e/cli-pack.test.ts holds the packed images to a size.
//
// UI screenshots hold a few thousand colours, nearly all antialiasing shades of text. The
// palette is chosen greedily: the commonest colour, then each time the colour the palette so far
// stands for worst (pixel count × squared distance to its nearest palette colour), so a rare
// but distinct hue (a status family's colour) is kept over one more shade of grey. Every other
// colour is drawn as its nearest palette colour; the script prints the largest such move.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/palette-png.mjs in.png out.png');
  process.exit(2);
}

function readRgb(file) {
  const buf = readFileSync(file);
  const idat = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 2 || data[12] !== 0)
        throw new Error(`${file}: only 8-bit RGB, non-interlaced PNGs are read`);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const px = Buffer.alloc(height * stride);
  const paeth = (a, b, c) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const i = y * stride + x;
      const a = x >= 3 ? px[i - 3] : 0;
      const b = y > 0 ? px[i - stride] : 0;
      const c = x >= 3 && y > 0 ? px[i - stride - 3] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      px[i] = (raw[y * (stride + 1) + 1 + x] + predictor) & 255;
    }
  }
  return { width, height, px };
}

const { width, height, px } = readRgb(input);
const counts = new Map();
for (let i = 0; i < px.length; i += 3) {
  const rgb = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
  counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
}
// Weighted as the eye is (green most, red least).
const distance = (p, q) => {
  const r = (p >> 16) - (q >> 16);
  const g = ((p >> 8) & 255) - ((q >> 8) & 255);
  const b = (p & 255) - (q & 255);
  return 2 * r * r + 4 * g * g + 3 * b * b;
};
const colours = [...counts.keys()];
const nearest = new Map(colours.map((c) => [c, Infinity]));
const palette = [];
let next = colours.reduce((a, b) => (counts.get(a) >= counts.get(b) ? a : b));
while (palette.length < Math.min(256, colours.length)) {
  const added = next;
  palette.push(added);
  let worst = -1;
  for (const c of colours) {
    const d = Math.min(nearest.get(c), distance(added, c));
    nearest.set(c, d);
    if (counts.get(c) * d > worst) [worst, next] = [counts.get(c) * d, c];
  }
}
const indexOf = new Map();
let largestMove = 0;
for (const c of colours) {
  let best = 0;
  for (let i = 1; i < palette.length; i++) if (distance(palette[i], c) < distance(palette[best], c)) best = i;
  indexOf.set(c, best);
  largestMove = Math.max(largestMove, Math.sqrt(distance(palette[best], c) / 9));
}

// Filter type 0 on every row: filters over palette indices seldom help deflate.
const rows = Buffer.alloc(height * (width + 1));
for (let y = 0, i = 0; y < height; y++)
  for (let x = 0; x < width; x++, i += 3)
    rows[y * (width + 1) + 1 + x] = indexOf.get((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([head, body, tail]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(width, 0);
ihdr.writeUInt32BE(height, 4);
ihdr.set([8, 3], 8); // 8 bits per index, palette colour
const plte = Buffer.alloc(palette.length * 3);
palette.forEach((c, i) => plte.set([c >> 16, (c >> 8) & 255, c & 255], i * 3));
const png = Buffer.concat([
  readFileSync(input).subarray(0, 8),
  chunk('IHDR', ihdr),
  chunk('PLTE', plte),
  chunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(output, png);
console.log(
  `${output}: ${png.length} bytes (from ${readFileSync(input).length}); ${colours.length} colours, ` +
    `the others drawn at most ${largestMove.toFixed(1)} per channel from their own`,
);
