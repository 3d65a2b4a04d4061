// Starts the built API (dist/api) on a fresh database with the demo city, for the fuzzer: a new
// `test_plaza_fuzz_…` database on DATABASE_URL's server (dropped afterwards), or the embedded
// PGlite in a temporary DATA_DIR. Every log line at ERROR or above is kept: the fuzzer fails on them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startApi({ workspaceRoot, databaseUrl }) {
  const main = path.join(workspaceRoot, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error('dist/api is missing: run `node infra/scripts/build-api.mjs` first');
  const webRoot = path.join(workspaceRoot, 'dist/web');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-fuzz-'));
  const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.DATABASE_URL;
  if (databaseUrl) {
    const adminUrl = new URL(databaseUrl);
    if (!adminUrl.pathname.includes('test')) throw new Error(`Refusing to fuzz next to "${adminUrl.pathname}": its name must contain "test"`);
    const name = `test_plaza_fuzz_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(databaseUrl, `CREATE DATABASE ${name}`);
    cleanups.push(() => admin(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    WEB_ROOT: existsSync(path.join(webRoot, 'index.html')) ? webRoot : 'none',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  });
  const child = spawn(process.execPath, ['--enable-source-maps', main], { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors = [];
  const tail = [];
  let buffer = '';
  const collect = (chunk) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // pino: 50 error, 60 fatal.
      if (/"level":\s*(50|60)\b/.test(line)) errors.push(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  cleanups.unshift(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  );
  const stop = async () => {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The API exited before it was ready:\n${tail.join('\n')}`);
    }
    const ok = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, errors, tail: () => tail.join('\n'), stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The API was not ready within 180 s:\n${tail.join('\n')}`);
}
