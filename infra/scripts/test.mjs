// `npm test`: unit tests, the integration suite on the real server in DATABASE_URL plus a smoke
// subset on the embedded PGlite (the whole suite on PGlite when no server is configured), and the
// browser tests against a built site.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { workspaceRoot } from './swc-options.mjs';

const jest = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci'];
const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' ') };

function run(label, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: workspaceRoot, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

run('typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
// @nx/enforce-module-boundaries silently skips itself when no project graph is cached (a fresh
// clone): computing the graph first makes the boundary rules really run.
run('project graph (for the module-boundary lint rule)', ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], { NX_DAEMON: 'false' });
run('lint (module boundaries included)', ['node_modules/eslint/bin/eslint.js', 'apps', 'libs', 'infra']);
run('unit tests', [...jest, '--selectProjects', 'unit']);
// The same code runs on both databases; what can differ is the engine underneath (PGlite's single
// session, its PostGIS build, the socket bridge). This subset exercises exactly that: boot and
// migrations, a report's life from filing to a department closing it, and the spatial reads.
const EMBEDDED_SMOKE = [
  'embedded-database', // boot on PGlite, data kept across a restart
  'migrations', // every migration up and down
  'reports', // filing, validation, idempotency, photos
  'reports-map', // viewport, clusters, nearby: the PostGIS queries
  'viewport-plans', // the viewport grid's index and plans agree on the embedded PostGIS too
  'public-fragments', // the trigger-kept feature fragments render as json_build_object did, in PGlite's PostgreSQL too
  'cases-departments', // routing to a department, status moves, closing
];
const smokePattern = `apps/api/test/(${EMBEDDED_SMOKE.join('|')})\\.int-spec\\.ts$`;
// PGlite is one process per database and heavy to start: one worker keeps memory and CPU in check.
const embedded = [...jest, '--selectProjects', 'integration', '--runInBand'];
if (process.env.DATABASE_URL) {
  run('integration tests on PostgreSQL (DATABASE_URL)', [...jest, '--selectProjects', 'integration'], { TEST_DB: 'server' });
  run('integration smoke tests on embedded PGlite + PostGIS', [...embedded, `--testPathPatterns=${smokePattern}`], { TEST_DB: 'embedded' });
} else {
  console.log('\n(DATABASE_URL unset: the whole integration suite runs on the embedded database)');
  run('integration tests on embedded PGlite + PostGIS', embedded, { TEST_DB: 'embedded' });
}
if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) {
  run('build the API and the web apps', ['infra/scripts/build-api.mjs']);
  run('build the web apps', ['infra/scripts/build-web.mjs']);
  // The short form of `npm run fuzz` (docs/security.md#fuzzing): hostile requests to every operation.
  run('fuzz, short form (1,500 requests)', ['infra/scripts/fuzz.mjs', '--requests', '1500', '--seconds', '60']);
  run('browser tests (Chromium)', [...jest, '--selectProjects', 'browser', '--runInBand']);
} else if (process.env.CI) {
  console.error('✗ Chromium is missing (/usr/bin/chromium): browser tests cannot run');
  process.exit(1);
} else {
  console.log('\n(Chromium not found: browser tests skipped; install Debian\'s chromium to run them)');
}
console.log('\n✓ all test tiers passed');
