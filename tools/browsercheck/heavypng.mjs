// Writes a PNG of random pixels to the path given: 230 × 230, about
// 155 KB, which no gzip shrinks. The self-test's heavy page loads it. It
// is a valid image so that the browser loads it whole: random bytes that
// are no image, it may stop reading part way, and the page then weighs
// less than planted.
//
//   node heavypng.mjs FILE
import { randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node heavypng.mjs FILE');
  process.exit(2);
}
const width = 230, height = 230, row = 1 + 3 * width; // filter byte, then RGB
const pixels = Buffer.alloc(row * height); // filter 0 on every row
for (let y = 0; y < height; y++) randomFillSync(pixels, y * row + 1, 3 * width);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(width, 0);
ihdr.writeUInt32BE(height, 4);
ihdr[8] = 8; // bits per sample
ihdr[9] = 2; // RGB
writeFileSync(file, Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(pixels, { level: 0 })),
  chunk('IEND', Buffer.alloc(0)),
]));
