// First-visit transfer of the public map (target ≤ 300 KB, docs/performance.md): builds (unless
// --no-build), boots the API serving dist/web on the database in DATABASE_URL, loads `/` in
// Chromium with a cold cache and prints the bytes on the wire by resource.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_scale npm run bench:first-visit [-- --no-build] [--runs 3]
//   (--demo seeds the demo city into an empty database first)
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '../scripts/swc-options.mjs';
import { buildApi, startApi } from './lib/api-process.mjs';
import { describeFirstVisit, measureFirstVisit } from './lib/first-visit.mjs';

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, demo: { type: 'boolean', default: false } } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('first-visit: set DATABASE_URL (a PostgreSQL server with PostGIS and a migrated, seeded database)');
  process.exit(2);
}
if (!values['no-build']) {
  buildApi();
  const web = spawnSync(process.execPath, ['infra/scripts/build-web.mjs'], { cwd: workspaceRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (web.status !== 0) throw new Error('build-web.mjs failed');
}
const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-first-visit-'));
const api = await startApi({ databaseUrl, demoData: values.demo, env: { DATA_DIR: dataDir, WEB_ROOT: '' } });
try {
  const totals = [];
  for (let i = 0; i < Number(values.runs); i += 1) {
    const result = await measureFirstVisit(api.base);
    totals.push(result.total);
    console.log(`run ${i + 1}: ${describeFirstVisit(result)}`);
  }
  totals.sort((a, b) => a - b);
  console.log(`first visit: median ${(totals[Math.floor(totals.length / 2)] / 1024).toFixed(0)} KB over ${totals.length} runs (target ≤ 300 KB)`);
} finally {
  await api.stop();
  await rm(dataDir, { recursive: true, force: true });
}
