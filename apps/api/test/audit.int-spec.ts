import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditRepository, AuditService } from '@plaza/api/audit';
import { connectDatabase, dataSourceOptions, runMigrations } from '@plaza/api/database';
import { testDatabaseMode } from '@plaza/api/testing';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm run audit:verify`, as an operator runs it. */
function auditVerify(env: Record<string, string>, args: string[] = []) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv['NODE_OPTIONS'];
  if (!env['DATABASE_URL']) delete childEnv['DATABASE_URL'];
  const result = spawnSync(process.execPath, ['infra/scripts/audit-verify.mjs', ...args], {
    cwd: workspaceRoot,
    env: childEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('audit log: append-only and tamper-evident (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestSession;

  const createDepartment = (code: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/admin/departments',
      headers: withSession(admin),
      payload: {
        code,
        name: { es: `Servicio ${code}`, en: `Service ${code}`, ca: `Servei ${code}`, eu: `${code} zerbitzua`, gl: `Servizo ${code}` },
        contactEmail: `${code}@ayto.example`,
      },
    });
  const verify = async () =>
    (
      await t.inject({ method: 'GET', url: '/api/v1/admin/audit/verify', headers: withSession(admin) })
    ).json();

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('chains every entry to the previous one, even when changes race', async () => {
    // Concurrent requests: the advisory lock must serialise appends (on the embedded database they queue anyway).
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createDepartment(`servicio-${i}`)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));

    const rows = await db.query(`SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq`);
    expect(rows).toHaveLength(12);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verify()).toMatchObject({
      ok: true,
      checked: 12,
      brokenAt: null,
      head: { seq: Number(rows[11].seq), hash: rows[11].hash },
    });
  });

  it('pages the log newest first, with who did what and the state before and after', async () => {
    const first = (
      await t.inject({ method: 'GET', url: '/api/v1/admin/audit?limit=5', headers: withSession(admin) })
    ).json();
    expect(first.entries).toHaveLength(5);
    expect(first.entries[0]).toMatchObject({
      actorEmail: DEMO.admin,
      actorId: admin.user.id,
      action: 'department.create',
      entityType: 'department',
      before: null,
      after: expect.objectContaining({ contactEmail: expect.stringMatching(/@ayto\.example$/) }),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const seqs: number[] = first.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const second = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/admin/audit?limit=5&before=${first.nextBefore}`,
        headers: withSession(admin),
      })
    ).json();
    expect(Math.max(...second.entries.map((e: { seq: number }) => e.seq))).toBeLessThan(Math.min(...seqs));
    const last = (
      await t.inject({ method: 'GET', url: `/api/v1/admin/audit?limit=200`, headers: withSession(admin) })
    ).json();
    expect(last.nextBefore).toBeNull();
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/admin/audit?limit=0', headers: withSession(admin) }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log, even to the database owner', async () => {
    for (const sql of [
      `UPDATE audit_log SET action = 'nothing'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
    ]) {
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
    }
    expect((await db.query(`SELECT count(*)::int AS count FROM audit_log`))[0].count).toBe(12);
  });

  it('writes entries only inside the transaction of the change they describe', async () => {
    const audit = t.app.get(AuditService);
    await expect(
      audit.record(db.manager, { actor: null, action: 'x', entityType: 'x', entityId: null }),
    ).rejects.toThrow(/transaction/);
    // A change that fails after its entry was appended leaves no entry behind.
    await expect(
      db.transaction(async (manager) => {
        await audit.record(manager, { actor: null, action: 'doomed', entityType: 'x', entityId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.query(`SELECT 1 FROM audit_log WHERE action = 'doomed'`)).toEqual([]);
    expect((await verify()).ok).toBe(true);
  });

  (testDatabaseMode() === 'server' ? it : it.skip)(
    '`npm run audit:verify` checks the chain on DATABASE_URL',
    () => {
      const result = auditVerify({ DATABASE_URL: t.db.url });
      expect(result.output).toContain('12 entries checked');
      expect(result.status).toBe(0);
    },
  );

  it('detects a row rewritten behind the trigger\u2019s back, and the command exits non-zero', async () => {
    const [victim] = await db.query(`SELECT seq, hash FROM audit_log ORDER BY seq OFFSET 4 LIMIT 1`);
    // What an intruder with the owner's rights would do: switch the trigger off, edit, switch it back on.
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.query(
      `UPDATE audit_log SET after = jsonb_set(after, '{contactEmail}', '"intruso@evil.example"') WHERE seq = $1`,
      [victim.seq],
    );
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);

    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(victim.seq), checked: 4 });
    if (testDatabaseMode() === 'server') {
      const result = auditVerify({ DATABASE_URL: t.db.url });
      expect(result.status).toBe(1);
      expect(result.output).toContain(`BROKEN: entry ${victim.seq}`);
    }

    // Recomputing the hash of the edited row does not help: the next entry's link breaks instead.
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.query(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = $1`, [victim.seq]);
    await db.query(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    expect((await verify()).ok).toBe(false);
    if (testDatabaseMode() === 'server') {
      // A hash noted down earlier (an anchor) shows the rewrite too.
      const anchored = auditVerify({ DATABASE_URL: t.db.url }, ['--anchor', `${victim.seq}:${victim.hash}`]);
      expect(anchored.status).toBe(1);
      expect(anchored.output).toContain(
        `ANCHOR MISMATCH: entry ${victim.seq} now has hash ${'a'.repeat(64)}`,
      );
    }
  });
});

// The embedded path of the command: the data directory of a stopped Plaza. Runs in the embedded
// pass of the suite only (it boots PGlite three times).
(testDatabaseMode() === 'embedded' ? describe : describe.skip)(
  '`npm run audit:verify` on an embedded data directory',
  () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'plaza-audit-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    async function withDatabase(work: (ds: DataSource) => Promise<void>): Promise<void> {
      const connection = await connectDatabase({ databaseUrl: null, dataDir });
      const ds = await new DataSource(dataSourceOptions(connection)).initialize();
      try {
        await work(ds);
      } finally {
        await ds.destroy();
        await connection.close();
      }
    }

    it('verifies the chain with Plaza stopped, and fails once a row was tampered with', async () => {
      await withDatabase(async (ds) => {
        await runMigrations(ds, true);
        const audit = new AuditService(new AuditRepository(ds));
        for (const action of ['department.create', 'department.update', 'category.create']) {
          await ds.transaction((manager) =>
            audit.record(manager, {
              actor: null,
              action,
              entityType: 'x',
              entityId: null,
              after: { action },
            }),
          );
        }
      });
      const intact = auditVerify({ DATA_DIR: dataDir });
      expect(intact.output).toContain('3 entries checked');
      expect(intact.status).toBe(0);

      await withDatabase(async (ds) => {
        await ds.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
        await ds.query(`UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 2`);
      });
      const broken = auditVerify({ DATA_DIR: dataDir });
      expect(broken.status).toBe(1);
      expect(broken.output).toContain('BROKEN: entry 2');
    });
  },
);
