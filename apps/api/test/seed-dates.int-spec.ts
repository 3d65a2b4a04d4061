import {
  seedDemoAccounts,
  seedDemoCases,
  seedDemoProposals,
  seedDemoReports,
  seedDemoTemplates,
} from '@plaza/api/seed';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

/**
 * Issue 16 item 13: the demo seed wrote `updated_at` values hours in the future (a report filed
 * "today" changed "tomorrow"), which showed as negative ages in the console and broke "latest
 * activity" sorting. Every record-keeping timestamp the seed writes must be in the past.
 */
describe('demo seed dates (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await db.transaction(async (manager) => {
      await seedDemoReports(manager);
      await seedDemoAccounts(manager);
      await seedDemoTemplates(manager);
      await seedDemoCases(manager);
      await seedDemoProposals(manager);
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes no created_at, updated_at or event time after the moment it ran', async () => {
    // Every "when did this happen" column of the public schema (due dates and expiries are
    // rightly in the future and are not named like this).
    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type LIKE 'timestamp%'
          AND column_name IN ('created_at', 'updated_at', 'at', 'referred_at', 'consent_at')
        ORDER BY 1, 2`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(
      expect.arrayContaining(['reports.updated_at', 'reports.created_at', 'report_events.at', 'proposals.updated_at']),
    );
    const future: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" > now()`);
      if (n > 0) future.push(`${table_name}.${column_name}: ${n}`);
    }
    expect(future).toEqual([]);
    const [{ reports }] = await db.query(`SELECT count(*)::int AS reports FROM reports`);
    expect(reports).toBeGreaterThan(300);
  });

  it('still lets the last change come after the filing, so ages and "latest activity" differ', async () => {
    const [{ later }] = await db.query(`SELECT count(*)::int AS later FROM reports WHERE updated_at > created_at`);
    expect(later).toBeGreaterThan(100);
  });
});
