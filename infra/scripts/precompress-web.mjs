// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside every text asset of
// dist/web, so the API serves them compressed with no work per request (@fastify/static's
// `preCompressed`, see apps/api/src/configure-app.ts). A variant that is not smaller is not written.
//
//   node infra/scripts/precompress-web.mjs [dir]     (run by build-web.mjs)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
const MIN_BYTES = 1024;

export function precompress(root) {
  let files = 0;
  let raw = 0;
  let br = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.vite') walk(file);
        continue;
      }
      if (!TEXT.test(entry.name) || statSync(file).size < MIN_BYTES) continue;
      const body = readFileSync(file);
      const brotli = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      const gzip = gzipSync(body, { level: 9 });
      if (brotli.length < body.length) writeFileSync(`${file}.br`, brotli);
      if (gzip.length < body.length) writeFileSync(`${file}.gz`, gzip);
      files += 1;
      raw += body.length;
      br += Math.min(brotli.length, body.length);
    }
  };
  walk(root);
  return { files, raw, br };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../../dist/web', import.meta.url));
  const { files, raw, br } = precompress(root);
  console.log(`precompressed ${files} files: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
}
