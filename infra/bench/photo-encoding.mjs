// `node infra/bench/photo-encoding.mjs [runs]`: what the photo processor's choices cost, on the
// bench's 12 MP JPEG (the photos section of run.mjs writes it to the temp folder). Prints CPU per photo for the whole pipeline (the 2048 px image and the 400 px
// thumbnail) as it was and as it is, then size and fidelity (PSNR against the unencoded 2048 px
// pixels) of the JPEG encoder settings weighed in libs/api/media/src/photo-processor.ts.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

sharp.concurrency(1);
sharp.cache(false);
const RUNS = Number(process.argv[2] ?? 5);
const file = path.join(tmpdir(), 'plaza-bench-12mp.jpg');
if (!existsSync(file)) {
  console.error(`${file} is missing: run the bench's photos section once (npm run bench -- --only photos …), it writes it.`);
  process.exit(1);
}
const input = await readFile(file);
const LIMIT = { limitInputPixels: 50_000_000 };
const inside = [2048, 2048, { fit: 'inside', withoutEnlargement: true }];
const cover = [400, 400, { fit: 'cover' }];
const CURRENT = { quality: 78, quantisationTable: 3, progressive: true, optimiseCoding: true };

const pipelines = {
  'before: two decodes of the original, mozjpeg': async () => {
    await sharp(input, LIMIT).metadata();
    const base = sharp(input, { ...LIMIT, failOn: 'error' }).rotate();
    const full = await base.clone().resize(...inside).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    const thumb = await base.clone().resize(...cover).jpeg({ quality: 75 }).toBuffer();
    return [full, thumb];
  },
  'one decode, thumbnail from the full image, mozjpeg': () => oneDecode({ quality: 80, mozjpeg: true }),
  'one decode, quantisation table 3, progressive, q78 (now)': () => oneDecode(CURRENT),
};
async function oneDecode(options) {
  await sharp(input, LIMIT).metadata();
  const full = await sharp(input, { ...LIMIT, failOn: 'error' }).rotate().resize(...inside).jpeg(options).toBuffer();
  const thumb = await sharp(full, { failOn: 'error' }).resize(...cover).jpeg({ quality: 75, optimiseCoding: true }).toBuffer();
  return [full, thumb];
}
console.log(`${(input.length / 1e6).toFixed(1)} MB 12 MP JPEG, ${RUNS} runs each, one libvips thread\n`);
for (const [name, run] of Object.entries(pipelines)) {
  await run();
  const cpu = process.cpuUsage();
  let out;
  for (let i = 0; i < RUNS; i += 1) out = await run();
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(58)} ${((used.user + used.system) / 1000 / RUNS).toFixed(0).padStart(4)} ms CPU  ${(out[0].length / 1024).toFixed(0)} KB + ${(out[1].length / 1024).toFixed(1)} KB`);
}

const { data: pixels, info } = await sharp(input).rotate().resize(...inside).raw().toBuffer({ resolveWithObject: true });
const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
const psnr = (a, b) => {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] - b[i]) ** 2;
  return 10 * Math.log10((255 * 255) / (sum / a.length));
};
console.log('\nencoder settings for the 2048 px image:');
for (const [name, options] of Object.entries({
  'mozjpeg: true, q80 (trellis)': { quality: 80, mozjpeg: true },
  'libjpeg defaults, q80': { quality: 80 },
  'quantisation table 3, progressive, q80': { quality: 80, quantisationTable: 3, progressive: true },
  'quantisation table 3, progressive, q78 (now)': CURRENT,
})) {
  await sharp(pixels, raw).jpeg(options).toBuffer();
  const cpu = process.cpuUsage();
  let out;
  for (let i = 0; i < RUNS; i += 1) out = await sharp(pixels, raw).jpeg(options).toBuffer();
  const used = process.cpuUsage(cpu);
  const decoded = await sharp(out).raw().toBuffer();
  console.log(`${name.padEnd(58)} ${((used.user + used.system) / 1000 / RUNS).toFixed(0).padStart(4)} ms CPU  ${(out.length / 1024).toFixed(0)} KB  PSNR ${psnr(pixels, decoded).toFixed(2)} dB`);
}
