// A real PostgreSQL streaming replica of the test server, for the read-replica test: a second
// cluster on another port, made with Debian's pg_basebackup and pg_ctl, run as the `postgres` OS
// user (docs/testing.md#the-read-replica-test).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (postgresql-15), as on the CI machines. */
const PG_BIN = '/usr/lib/postgresql/15/bin';
const TOOLS = [`${PG_BIN}/pg_basebackup`, `${PG_BIN}/pg_ctl`, '/usr/sbin/runuser'];
const SLOT_PREFIX = 'plaza_test_replica_';

/** Why a replica cannot be made on this machine, or null when it can. */
export function missingReplicaTools(): string | null {
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length > 0) return `missing ${missing.join(', ')} (Debian's postgresql-15 and util-linux)`;
  // The clusters' files belong to `postgres`: root becomes it with runuser.
  if (process.getuid?.() !== 0) return 'the test must run as root to start PostgreSQL as the postgres user';
  return null;
}

export interface StreamingReplica {
  /** The replica's URL for a database of the primary (same name, the replica's port). */
  urlFor(primaryDatabaseUrl: string): string;
  /** Waits until the replica has replayed everything the primary has written so far. */
  catchUp(): Promise<void>;
  /** Stops applying the primary's changes (pg_wal_replay_pause), and waits until it has. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the replica's server (its files stay until remove()). */
  stop(): Promise<void>;
  /** Stops the server if running, drops its replication slot and deletes its files. */
  remove(): Promise<void>;
}

/**
 * A hot-standby replica of the server in `primaryUrl` (a superuser URL on 127.0.0.1), streaming
 * through a physical replication slot of its own so the primary keeps the WAL it still needs
 * however busy the server is (other test files create and drop databases all the time).
 */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const primaryPort = primary.port || '5432';
  const slot = `${SLOT_PREFIX}${process.pid}`;
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plaza-replica-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const asPostgres = (command: string, args: string[]) =>
    run('/usr/sbin/runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 120_000 });
  let started = false;

  const replicaUrl = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const remove = async () => {
    if (started) await asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    started = false;
    await withClient(primaryUrl, (c) =>
      c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`, [slot]),
    ).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await prepareDirectory(dir);
    let limits: string[] = [];
    await withClient(primaryUrl, async (c) => {
      limits = await standbyLimits(c);
      await allowReplicationFromLocalhost(c);
      await dropStaleSlots(c);
      // Reserved now, before the backup starts: the WAL from here on stays until the replica has it.
      await c.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    });
    await asPostgres(`${PG_BIN}/pg_basebackup`, [
      '-h', primary.hostname, '-p', primaryPort, '-U', 'postgres',
      '-D', dataDir, '-R', '-X', 'stream', '-S', slot, '-c', 'fast',
    ]);
    // Debian keeps postgresql.conf and pg_hba.conf in /etc: the copy needs its own.
    await writeOwned(path.join(dataDir, 'postgresql.conf'), [
      `listen_addresses = '127.0.0.1'`,
      'hot_standby = on',
      // The primary's own limits: a hot standby refuses to start with lower ones.
      ...limits,
      'shared_buffers = 32MB',
      `cluster_name = 'plaza-test-replica'`,
      '',
    ].join('\n'));
    await writeOwned(path.join(dataDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    await writeOwned(path.join(dataDir, 'pg_ident.conf'), '');
    await asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dataDir, '-o', `-p ${port} -k /tmp`, '-l', logFile, '-w', '-t', '60', 'start']);
    started = true;
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await remove();
    throw new Error(`Could not start a streaming replica: ${String(error)}\n${log.slice(-2000)}`, { cause: error });
  }

  const onReplica = <T>(work: (c: pg.Client) => Promise<T>) => withClient(replicaUrl('postgres'), work);
  return {
    urlFor: (primaryDatabaseUrl) => replicaUrl(new URL(primaryDatabaseUrl).pathname.slice(1)),
    catchUp: async () => {
      const lsn = await withClient(primaryUrl, async (c) => (await c.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0].lsn as string);
      await until('the replica to replay the primary\u2019s WAL', () =>
        onReplica(async (c) => (await c.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn])).rows[0].done === true),
      );
    },
    pauseReplay: async () => {
      await onReplica((c) => c.query(`SELECT pg_wal_replay_pause()`));
      await until('WAL replay to pause', () =>
        onReplica(async (c) => (await c.query(`SELECT pg_get_wal_replay_pause_state() AS state`)).rows[0].state === 'paused'),
      );
    },
    resumeReplay: async () => {
      await onReplica((c) => c.query(`SELECT pg_wal_replay_resume()`));
    },
    stop: async () => {
      await asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      started = false;
    },
    remove,
  };
}

/** The settings a hot standby must have at least as high as its primary, with the primary's values. */
async function standbyLimits(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')
      ORDER BY name`,
  );
  return (rows as Array<{ name: string; setting: string }>).map(({ name, setting }) => `${name} = ${Number(setting)}`);
}

/** A directory only `postgres` may enter, as pg_basebackup and the server insist. */
async function prepareDirectory(dir: string): Promise<void> {
  const { uid, gid } = await postgresUser();
  await chown(dir, uid, gid);
  await chmod(dir, 0o700);
}

async function writeOwned(file: string, text: string): Promise<void> {
  const { uid, gid } = await postgresUser();
  await writeFile(file, text, { mode: 0o600 });
  await chown(file, uid, gid);
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * pg_basebackup and the replica connect to the primary with the replication protocol, which the
 * keyword `all` in pg_hba.conf does not cover. Debian's default file has such lines; a server
 * without them (this CI machine kind) gets one, for 127.0.0.1 only, and a configuration reload.
 */
async function allowReplicationFromLocalhost(c: pg.Client): Promise<void> {
  const { rows } = await c.query(
    `SELECT count(*)::int AS n FROM pg_hba_file_rules
      WHERE 'replication' = ANY(database) AND (type = 'local' OR address IS NULL OR address IN ('127.0.0.1', 'all', 'samehost'))`,
  );
  if (rows[0].n > 0) return;
  const hbaFile = (await c.query(`SHOW hba_file`)).rows[0].hba_file as string;
  await appendFile(hbaFile, '\n# Added by Plaza\'s read-replica test (docs/testing.md): streaming replication from this machine\nhost replication all 127.0.0.1/32 trust\n');
  await c.query(`SELECT pg_reload_conf()`);
  // The reload is asynchronous: wait until the server reads the new line.
  await until('pg_hba.conf to allow replication', async () => {
    const check = await c.query(`SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE 'replication' = ANY(database)`);
    return check.rows[0].n > 0;
  });
}

/** Slots left by a test run that was killed (their process is gone): they would keep WAL forever. */
async function dropStaleSlots(c: pg.Client): Promise<void> {
  const { rows } = await c.query(`SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE $1 AND NOT active`, [`${SLOT_PREFIX}%`]);
  for (const { slot_name: name } of rows as Array<{ slot_name: string }>) {
    const pid = Number(name.slice(SLOT_PREFIX.length));
    if (pid === process.pid || isAlive(pid)) continue;
    await c.query(`SELECT pg_drop_replication_slot($1)`, [name]);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(what: string, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
