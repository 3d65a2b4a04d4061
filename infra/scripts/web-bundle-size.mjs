// Weighs what the public map's first page loads: the entry chunk and every chunk it imports
// statically (modulepreloaded), gzip-compressed as a browser receives them. Lazy chunks (report
// page, report form) are listed apart. Fails when the map page's JavaScript passes its budget.
//
//   node infra/scripts/web-bundle-size.mjs      (after build-web.mjs; also run by it)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MAP_JS_BUDGET_KB = 250;

const workspace = fileURLToPath(new URL('../../', import.meta.url));

export function measureMapBundle(webRoot = path.join(workspace, 'dist/web')) {
  const manifest = JSON.parse(readFileSync(path.join(webRoot, '.vite/manifest.json'), 'utf8'));
  const gz = (file) => gzipSync(readFileSync(path.join(webRoot, file)), { level: 9 }).length;
  const seen = new Set();
  const css = new Set();
  const walk = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const file of chunk.css ?? []) css.add(file);
    for (const child of chunk.imports ?? []) walk(child);
  };
  walk('index.html');
  const initial = [...seen].map((key) => ({ file: manifest[key].file, gzip: gz(manifest[key].file) }));
  const lazy = Object.values(manifest)
    .filter((chunk) => chunk.isDynamicEntry)
    .map((chunk) => ({ file: chunk.file, gzip: gz(chunk.file) }));
  return {
    jsGzip: initial.reduce((sum, c) => sum + c.gzip, 0),
    cssGzip: [...css].reduce((sum, file) => sum + gz(file), 0),
    initial,
    lazy,
  };
}

export function printMapBundle(result) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`\nmap page JavaScript (gzip): ${kb(result.jsGzip)} of a ${MAP_JS_BUDGET_KB} KB budget`);
  for (const chunk of result.initial) console.log(`  ${chunk.file.padEnd(44)} ${kb(chunk.gzip)}`);
  console.log(`map page CSS (gzip): ${kb(result.cssGzip)}`);
  console.log('loaded on demand:');
  for (const chunk of result.lazy) console.log(`  ${chunk.file.padEnd(44)} ${kb(chunk.gzip)}`);
  return result.jsGzip <= MAP_JS_BUDGET_KB * 1024;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!printMapBundle(measureMapBundle())) {
    console.error(`✖ the map page's JavaScript is over its ${MAP_JS_BUDGET_KB} KB budget`);
    process.exit(1);
  }
}
