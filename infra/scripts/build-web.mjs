// Builds both web shells into dist/web, which the API serves on the same origin.
// Order matters: the map build empties all of dist/web (so stale hashed assets never pile up),
// then the console build writes and empties only dist/web/console. Reversing it would delete the console.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precompress } from './precompress-web.mjs';
import { MAP_JS_BUDGET_KB, measureMapBundle, printMapBundle } from './web-bundle-size.mjs';

const workspace = fileURLToPath(new URL('../../', import.meta.url));
const apps = ['map', 'console'];

for (const app of apps) {
  const started = Date.now();
  console.log(`\n▶ building ${app}`);
  await build({ configFile: `${workspace}apps/${app}/vite.config.ts`, mode: process.env.MODE ?? 'production' });
  console.log(`✔ ${app} built in ${Date.now() - started} ms`);
}

// Fail loudly if a later build ever wipes an earlier one (e.g. someone flips emptyOutDir).
for (const file of ['dist/web/index.html', 'dist/web/console/index.html']) {
  if (!existsSync(`${workspace}${file}`)) {
    console.error(`✖ missing ${file}`);
    process.exit(1);
  }
}
// The public map has a weight budget (docs/performance.md): print it, and fail past it.
if (!printMapBundle(measureMapBundle())) {
  console.error(`✖ the map page's JavaScript is over its ${MAP_JS_BUDGET_KB} KB budget`);
  process.exit(1);
}
// Brotli and gzip beside every text asset, served as they are (docs/performance.md, transfer).
const compressed = precompress(`${workspace}dist/web`);
console.log(`✔ precompressed ${compressed.files} files: ${(compressed.raw / 1024).toFixed(0)} KB → ${(compressed.br / 1024).toFixed(0)} KB brotli`);
console.log('\n✔ web shells ready in dist/web');
