// Starting the built API (dist/api, from infra/scripts/build-api.mjs) as a child process on a free
// loopback port, for the seeder and the benchmarks. Shared so both boot it the same way.
import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import { workspaceRoot } from '../../scripts/swc-options.mjs';

export function buildApi() {
  const result = spawnSync(process.execPath, ['infra/scripts/build-api.mjs'], { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`build-api.mjs failed with ${result.status}`);
}

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitReady(base, child, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the API did not become ready');
}

async function rssOf(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The processes `pid` forked, from any of its threads (Linux /proc/<pid>/task/<tid>/children). */
async function childrenOf(pid) {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')));
    return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/**
 * Boots dist/api against `databaseUrl` (migrations run at boot; the demo city is seeded when
 * `demoData`). Answers { base, child, pid, stop(), rssKb() }.
 */
export async function startApi({ databaseUrl, demoData = false, env = {}, stdio = 'ignore', readyTimeoutMs = 180_000 }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
    cwd: workspaceRoot,
    stdio: ['ignore', stdio, 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DEMO_DATA: demoData ? 'true' : 'false',
      WEB_ROOT: 'none',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  try {
    await waitReady(base, child, readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    base,
    child,
    pid: child.pid,
    /** Resident set size of the API process in KB, read from /proc (Linux). */
    async rssKb() {
      return rssOf(child.pid);
    },
    /** The same for the API's child processes (its photo processors), summed. */
    async childrenRssKb() {
      const pids = await childrenOf(child.pid);
      return (await Promise.all(pids.map(rssOf))).reduce((sum, kb) => sum + kb, 0);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
