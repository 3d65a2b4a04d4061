// `npm run audit:verify`: recomputes the hash chain of the audit log and exits non-zero if any
// entry was changed, removed or reordered.
//
//   DATABASE_URL=postgres://… npm run audit:verify           the real server (safe while Plaza runs)
//   npm run audit:verify                                     the embedded database in DATA_DIR (default .data):
//                                                            stop Plaza first, PGlite is single-process
//   npm run audit:verify -- --anchor 1234:9f86d081…          also check that entry 1234 still has the hash you
//                                                            noted earlier (catches a wholesale rewrite)
//
// Exit codes: 0 intact, 1 broken (or anchor mismatch), 2 could not check.
// The hashing code is the API's own (libs/api/audit), from dist/ when built, else compiled on the fly.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from './swc-options.mjs';

const SOURCES = ['audit-chain', 'audit-verifier'].map((name) =>
  path.join(workspaceRoot, 'libs/api/audit/src', `${name}.ts`),
);
const BUILT = path.join(workspaceRoot, 'dist/api/libs/api/audit/src/audit-verifier.js');

function parseArgs(argv) {
  const args = { anchor: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--anchor') {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(argv[i + 1] ?? '');
      if (!match) fail('--anchor needs <seq>:<64 hex characters>');
      args.anchor = { seq: Number(match[1]), hash: match[2] };
      i += 1;
    } else {
      fail(`Unknown argument ${argv[i]}`);
    }
  }
  return args;
}

function fail(message) {
  console.error(`audit:verify: ${message}`);
  process.exit(2);
}

/** The verifier from dist/ if it is at least as new as its sources, else compiled from them with swc. */
async function loadVerifier() {
  const newest = Math.max(...SOURCES.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest) return import(pathToFileURL(BUILT).href);
  let swc;
  try {
    swc = await import('@swc/core');
  } catch {
    fail('dist/ is missing or older than libs/api/audit: run `node infra/scripts/build-api.mjs` first');
  }
  // Inside the workspace, so the root package.json makes these ES modules.
  const out = path.join(workspaceRoot, 'node_modules/.cache/plaza-audit-verify');
  await mkdir(out, { recursive: true });
  for (const file of SOURCES) {
    const { code } = await swc.transform(await readFile(file, 'utf8'), {
      filename: file,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6', resolveFully: true },
    });
    await writeFile(
      path.join(out, path.basename(file).replace(/\.ts$/, '.js')),
      code.replace(/from '\.\/audit-chain'/g, "from './audit-chain.js'"),
    );
  }
  return import(pathToFileURL(path.join(out, 'audit-verifier.js')).href);
}

/** A `query(sql, params) → rows` on the configured database, and how to close it. */
async function connect() {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      application_name: 'plaza-audit-verify',
    });
    await client.connect();
    return {
      where: 'DATABASE_URL',
      query: async (sql, params) => (await client.query(sql, params)).rows,
      close: () => client.end(),
    };
  }
  const dataDir = path.resolve(process.env.DATA_DIR || '.data', 'pg');
  if (!existsSync(dataDir)) fail(`No DATABASE_URL and no embedded database at ${dataDir}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const db = await PGlite.create({ dataDir, extensions: { postgis } });
  return {
    where: dataDir,
    query: async (sql, params) => (await db.query(sql, params)).rows,
    close: () => db.close(),
  };
}

const args = parseArgs(process.argv.slice(2));
const { verifyAuditChain } = await loadVerifier();
let db;
try {
  db = await connect();
} catch (error) {
  fail(`cannot open the database: ${error.message}`);
}
try {
  const result = await verifyAuditChain(db.query);
  let ok = result.ok;
  console.log(`Audit log in ${db.where}: ${result.checked} entries checked.`);
  if (!result.ok) {
    console.error(
      `BROKEN: entry ${result.brokenAt} does not match the chain (changed, removed or reordered history).`,
    );
  } else {
    console.log(
      result.head
        ? `Chain intact. Head: seq ${result.head.seq} hash ${result.head.hash}`
        : 'Chain intact (empty log).',
    );
  }
  if (args.anchor) {
    const rows = await db.query('SELECT hash FROM audit_log WHERE seq = $1', [args.anchor.seq]);
    if (rows[0]?.hash !== args.anchor.hash) {
      ok = false;
      console.error(
        `ANCHOR MISMATCH: entry ${args.anchor.seq} ${rows[0] ? `now has hash ${rows[0].hash}` : 'is gone'}.`,
      );
    } else {
      console.log(`Anchor ${args.anchor.seq} matches.`);
    }
  }
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`audit:verify: ${error.message}`);
  process.exitCode = 2;
} finally {
  await db.close();
}
