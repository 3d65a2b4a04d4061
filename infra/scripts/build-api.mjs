// Compiles the API and the libraries it uses to ESM under dist/api with swc (decorator metadata
// included, which Nest's dependency injection needs), then copies the data files they read.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transformFile } from '@swc/core';
import { swcOptions, workspaceRoot } from './swc-options.mjs';

const OUT = path.join(workspaceRoot, 'dist/api');
const SOURCES = ['apps/api/src', 'libs/api', 'libs/shared'];
const SKIP = /\.(spec|int-spec|test)\.ts$|\.d\.ts$/;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !SKIP.test(entry.name)) {
      yield full;
    }
  }
}

const started = Date.now();
await rm(OUT, { recursive: true, force: true });
const options = swcOptions();
let count = 0;
for (const source of SOURCES) {
  for await (const file of walk(path.join(workspaceRoot, source))) {
    const relative = path.relative(workspaceRoot, file);
    const target = path.join(OUT, relative.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
await cp(path.join(workspaceRoot, 'libs/api/seed/data'), path.join(OUT, 'libs/api/seed/data'), { recursive: true });
await cp(path.join(workspaceRoot, 'libs/api/i18n/messages'), path.join(OUT, 'libs/api/i18n/messages'), { recursive: true });
console.log(`api: compiled ${count} files to dist/api in ${Date.now() - started} ms`);
