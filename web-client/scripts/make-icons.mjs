// Writes the installable app's icons into public/ (run once: node scripts/make-icons.mjs; the files are committed).
// A door on the party's red, drawn pixel by pixel into PNGs with no dependency, and the same as SVG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [0xb3, 0x26, 0x1e];
const WHITE = [0xff, 0xff, 0xff];

/** The colour at (x, y) of a size×size icon; maskable: the door stays inside the central 60 % safe zone. */
function pixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const inDoor = u >= 0.36 && u <= 0.64 && v >= 0.26 && v <= 0.76;
  const arch = (u - 0.5) ** 2 + ((v - 0.3) / 1) ** 2 <= 0.14 ** 2 && v < 0.3;
  const knob = (u - 0.585) ** 2 + (v - 0.53) ** 2 <= 0.022 ** 2;
  if (knob) return RED;
  return inDoor || arch ? WHITE : RED;
}

const table = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), y * (size * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = new URL('../public/', import.meta.url);
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, root), png(size));
writeFileSync(new URL('apple-touch-icon.png', root), png(180));
writeFileSync(
  new URL('icon.svg', root),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#b3261e"/>` +
    `<path d="M36 76V30a14 14 0 0 1 28 0v46z" fill="#fff"/><circle cx="58.5" cy="53" r="2.2" fill="#b3261e"/></svg>\n`,
);
