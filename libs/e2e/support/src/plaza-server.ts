// Starts the built API (which also serves the built map and console) as a child process, on a
// free loopback port with the demo city seeded, and tears it down again. With E2E_DATABASE_URL
// it runs on that existing database instead (e.g. the million reports of `npm run seed:scale`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** libs/e2e/support/src → workspace root. */
export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const API_MAIN = path.join(workspaceRoot, 'dist/api/apps/api/src/main.js');
const WEB_ROOT = path.join(workspaceRoot, 'dist/web');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_TAIL_LINES = 60;

export interface PlazaServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /**
   * Which database the API runs on: a fresh one on DATABASE_URL's server, its own embedded PGlite,
   * or an existing one (E2E_DATABASE_URL, or a caller's `databaseUrl`) used as it is.
   */
  database: 'server' | 'embedded' | 'existing';
  /** Milliseconds from spawn until `/health/ready` answered 200. */
  startupMs: number;
  /** The last lines the API printed, for failure messages. */
  logTail(): string;
  /** The API process's id (a fleet test signals it). */
  pid: number;
  /** Settles when the API process exits: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the free port'))));
    });
  });
}

/**
 * The existing database named by E2E_DATABASE_URL, or null. Its name must contain "test", as for
 * every database the tests touch: a typo must not point a browser test at real data.
 */
export function existingTestDatabase(): string | null {
  const raw = process.env['E2E_DATABASE_URL']?.trim();
  if (!raw) return null;
  const name = decodeURIComponent(new URL(raw).pathname.slice(1));
  if (!name.includes('test')) throw new Error(`E2E_DATABASE_URL names the database "${name}", whose name lacks "test": refused`);
  return raw;
}

/**
 * With E2E_DATABASE_URL set, the API runs on that existing database as it is: nothing is created
 * or dropped, its migrations run at boot as on any start (applied ones are skipped) and the demo
 * seed finds its work done (each step skips when its table has rows). That is how the browser
 * tests of the map run on the million reports of `npm run seed:scale` (docs/testing.md).
 * Otherwise, with DATABASE_URL set (and TEST_DB not forcing `embedded`), a brand-new database is
 * created on that server for this run and dropped afterwards; otherwise the API starts its
 * embedded PostgreSQL in a fresh temporary DATA_DIR. Either way the demo city is seeded.
 */
export async function startPlaza(
  options: {
    env?: Record<string, string>;
    /** An existing database to share (several replicas of one Plaza); the caller creates and drops it. */
    databaseUrl?: string;
  } = {},
): Promise<PlazaServer> {
  for (const [file, build] of [
    [API_MAIN, 'node infra/scripts/build-api.mjs'],
    [path.join(WEB_ROOT, 'index.html'), 'node infra/scripts/build-web.mjs'],
    [path.join(WEB_ROOT, 'console/index.html'), 'node infra/scripts/build-web.mjs'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${path.relative(workspaceRoot, file)} is missing: run \`${build}\` first`);
  }

  const cleanups: Array<() => Promise<unknown>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };

  const existing = options.databaseUrl ?? existingTestDatabase();
  const useServer = !existing && Boolean(process.env['DATABASE_URL']) && process.env['TEST_DB'] !== 'embedded';
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-e2e-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Jest's ESM flags are for the test runner, not the API.
  delete env['NODE_OPTIONS'];
  delete env['DATABASE_URL'];
  delete env['TEST_DB'];
  delete env['E2E_DATABASE_URL'];
  try {
    if (existing) {
      env['DATABASE_URL'] = existing;
    } else if (useServer) {
      // Loaded only here: the embedded path needs no harness (the API starts its own database).
      const { createTestDatabase } = await import('@plaza/api/testing');
      const database = await createTestDatabase();
      cleanups.push(() => database.drop());
      env['DATABASE_URL'] = database.url;
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    Object.assign(env, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      WEB_ROOT,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // Every request of a test file comes from 127.0.0.1: the abuse limits would soon stop a
      // suite that files dozens of reports. A file testing them sets its own (options.env).
      ABUSE_CHALLENGE_AFTER: '1000000',
      ABUSE_REPORTS_PER_IP_HOUR: '1000000',
      ABUSE_REPORTS_PER_EMAIL_HOUR: '1000000',
      ABUSE_PENDING_CONFIRMATIONS_MAX: '1000',
    });
    // Extra configuration for one test file (e.g. SMTP_URL of a test mail server).
    Object.assign(env, options.env ?? {});

    const started = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', API_MAIN], {
      cwd: workspaceRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    const collect = (chunk: Buffer) => {
      log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (log.length > LOG_TAIL_LINES) log.splice(0, log.length - LOG_TAIL_LINES);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const logTail = () => log.join('\n');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    cleanups.push(() => stopChild(child));

    await waitUntilReady(child, `${baseUrl}/health/ready`, logTail);
    const startupMs = Date.now() - started;

    let stopped: Promise<void> | undefined;
    return {
      baseUrl,
      database: existing ? 'existing' : useServer ? 'server' : 'embedded',
      startupMs,
      logTail,
      pid: child.pid ?? 0,
      exited,
      stop: () => (stopped ??= cleanUp()),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function waitUntilReady(child: ChildProcess, url: string, logTail: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The API ${exited} before it was ready. Its output:\n${logTail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      lastProblem = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API was not ready within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}). Its output:\n${logTail()}`);
}

/** SIGTERM (the API closes its database cleanly), then SIGKILL if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
