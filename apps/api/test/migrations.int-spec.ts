import { dataSourceOptions, MIGRATIONS, runMigrations } from '@plaza/api/database';
import { createTestDatabase, type TestDatabase } from '@plaza/api/testing';
import { DataSource } from 'typeorm';

describe('migrations (integration)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('runs every migration on a fresh database, reverts them all and runs them again', async () => {
    expect(await runMigrations(dataSource, db.embedded)).toHaveLength(MIGRATIONS.length);
    const tables = async () =>
      (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
        (r: { tablename: string }) => r.tablename,
      );
    expect(await tables()).toEqual(
      expect.arrayContaining(['areas', 'categories', 'departments', 'reports', 'report_events', 'report_photos']),
    );
    const [{ type }] = await dataSource.query(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'reports'::regclass AND attname = 'location'`,
    );
    expect(type).toBe('geometry(Point,4326)');

    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    // The PostGIS extension stays (other schemas may use it); only its own table remains beside ours.
    expect(await tables()).toEqual(['migrations', 'spatial_ref_sys']);
    expect(await runMigrations(dataSource, db.embedded)).toHaveLength(MIGRATIONS.length);
    expect(await runMigrations(dataSource, db.embedded)).toEqual([]);
  });
});
