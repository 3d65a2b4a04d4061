import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, dataSourceOptions, runMigrations } from '@plaza/api/database';
import { seedReferenceData } from '@plaza/api/seed';
import { DataSource } from 'typeorm';

// The default path of `npm start`: no DATABASE_URL, data kept under DATA_DIR across restarts.
describe('embedded database (no DATABASE_URL)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plaza-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function withDatabase<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    const connection = await connectDatabase({ databaseUrl: null, dataDir });
    expect(connection.embedded).toBe(true);
    const ds = await new DataSource(dataSourceOptions(connection)).initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
      await connection.close();
    }
  }

  it('migrates and seeds PostGIS data, which survives a restart', async () => {
    await withDatabase(async (ds) => {
      await runMigrations(ds, true);
      await ds.transaction((m) => seedReferenceData(m));
      const [{ area }] = await ds.query(
        `SELECT name AS area FROM areas WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(-3.7035, 40.4169), 4326))`,
      );
      expect(area).toBe('Centro');
    });
    await withDatabase(async (ds) => {
      expect(await runMigrations(ds, true)).toEqual([]);
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM areas`);
      expect(count).toBe(21);
    });
  });
});
