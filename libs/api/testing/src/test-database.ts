import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { EmbeddedPostgres } from '@plaza/api/database';

export interface TestDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

/**
 * Which database the integration suite runs on: `TEST_DB=embedded` (PGlite + PostGIS), or the
 * real server in `DATABASE_URL` (the default when it is set). CI runs both.
 */
export function testDatabaseMode(): 'server' | 'embedded' {
  const mode = process.env['TEST_DB'];
  if (mode === 'embedded' || mode === 'server') return mode;
  return process.env['DATABASE_URL'] ? 'server' : 'embedded';
}

/** A brand-new, empty database for one test file; migrations are the caller's to run. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseMode() === 'embedded') {
    const embedded = await EmbeddedPostgres.start();
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_DB=server needs DATABASE_URL');
  const admin = new URL(adminUrl);
  // Never let a test near a database that is not obviously a test one.
  if (!admin.pathname.includes('test')) {
    throw new Error(`Refusing to run tests against "${admin.pathname}": its name must contain "test"`);
  }
  const name = `test_plaza_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
