import pg from 'pg';
import { testDatabaseMode } from '@plaza/api/testing';
import { createTestApp, type TestApp } from './create-test-app';

const BBOX = '/api/v1/reports?bbox=-3.71,40.41,-3.70,40.42';

/** Runs SQL as the server's administrator (DATABASE_URL), outside the app's pool. */
async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A real outage needs a real server to take away: the embedded database is the process itself.
(testDatabaseMode() === 'server' ? describe : describe.skip)('database outage (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let name: string;

  beforeAll(async () => {
    t = await createTestApp();
    name = new URL(t.db.url).pathname.slice(1);
  });
  afterAll(async () => {
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t?.close();
  });

  it('answers 503 problem+json with Retry-After while the database refuses connections, and recovers', async () => {
    expect((await t.inject({ method: 'GET', url: BBOX })).statusCode).toBe(200);

    // What a failover or a restart looks like from the API: every pooled session is killed, and
    // new ones are refused until the database is back.
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);

    for (const request of [
      { method: 'GET', url: BBOX },
      { method: 'GET', url: '/api/v1/reports/2026-000001' },
      { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'vecina@demo.plaza.test', password: 'demo-plaza-2026' } },
    ]) {
      const response = await t.inject(request);
      expect({ url: request.url, status: response.statusCode }).toEqual({ url: request.url, status: 503 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.json()).toMatchObject({ status: 503, code: 'SERVER.DATABASE_UNAVAILABLE' });
      expect(response.body).not.toMatch(/pg_|terminat|connection|accepting/i);
    }
    expect((await t.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);

    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    expect((await t.inject({ method: 'GET', url: BBOX })).statusCode).toBe(200);
  });
});
