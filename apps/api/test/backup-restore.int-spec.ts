// The backup an operator takes (docs/operations.md#backups) restores into a working Plaza: every
// table's rows, the geometries, the migrations record and an intact audit chain. Real server only:
// pg_dump and pg_restore are the PostgreSQL client tools, which the embedded database does not serve.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditChain } from '@plaza/api/audit';
import { createTestDatabase, testDatabaseMode, type TestDatabase } from '@plaza/api/testing';
import pg from 'pg';
import { call, caseUrl, fileReport } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn } from './sessions';

const run = promisify(execFile);
const onServer = testDatabaseMode() === 'server';

/** Every base table of the public schema with its row count. */
async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    counts[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n);
  }
  return counts;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

(onServer ? describe : describe.skip)('backup and restore with pg_dump / pg_restore', () => {
  let t: TestApp;
  let restored: TestDatabase;
  let dumpDir: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
    restored = await createTestDatabase();
    dumpDir = await mkdtemp(path.join(os.tmpdir(), 'plaza-backup-'));
  });
  afterAll(async () => {
    await t?.close();
    await restored?.drop();
    if (dumpDir) await rm(dumpDir, { recursive: true, force: true });
  });

  it('restores every row, geometry and audit entry into a fresh database', async () => {
    // Some history worth restoring: a confirmed report, a staff move and its audit entries.
    // Graffiti waits for moderation, so publishing it is a real move.
    const ref = await fileReport(t, { category: 'pintada', title: 'Pintada en la fachada del colegio' });
    const manager = await signIn(t, DEMO.manager);
    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), { message: 'Gracias por su aviso.' })).statusCode).toBe(200);

    const dump = path.join(dumpDir, 'plaza.dump');
    // The command docs/operations.md gives: custom format, compressed, restorable table by table.
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', dump, t.db.url]);
    expect((await stat(dump)).size).toBeGreaterThan(0);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.url, dump]);

    const [source, target] = [await connect(t.db.url), await connect(restored.url)];
    try {
      const before = await tableCounts(source);
      expect(before['reports']).toBeGreaterThan(0);
      expect(before['audit_log']).toBeGreaterThan(0);
      expect(await tableCounts(target)).toEqual(before);

      const geometry = `SELECT ref, ST_AsText(location) AS location FROM reports ORDER BY ref`;
      expect((await target.query(geometry)).rows).toEqual((await source.query(geometry)).rows);
      const migrations = `SELECT name FROM migrations ORDER BY id`;
      expect((await target.query(migrations)).rows).toEqual((await source.query(migrations)).rows);

      const chain = await verifyAuditChain(async (sql, params) => (await target.query(sql, params)).rows);
      expect(chain).toMatchObject({ ok: true, checked: before['audit_log'] });
    } finally {
      await source.end();
      await target.end();
    }
  });
});
