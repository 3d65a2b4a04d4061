// Read replicas (DATABASE_READ_URL) against a real streaming replica of the test server: public
// reads are served by the replica, a client who just wrote and the console read from the primary,
// and a replica that is down costs nothing but a fallback to the primary.
// How the replica is made, and what the test needs: docs/testing.md#the-read-replica-test.
import { testDatabaseMode } from '@plaza/api/testing';
import { RECENT_WRITE_COOKIE } from '@plaza/api/database';
import pg from 'pg';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';
import { call, caseUrl, citizenReport, fileReport } from './cases-fixtures';
import { confirmationTokenFor, confirmReport } from './report-confirmation';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';
import { missingReplicaTools, startStreamingReplica, type StreamingReplica } from './streaming-replica';

const MADRID_BBOX = '-3.89,40.31,-3.52,40.64';
const RECENT_WRITE = `${RECENT_WRITE_COOKIE}=1`;

// A replica needs a real server to copy; the embedded database is the test process itself.
const unavailable =
  testDatabaseMode() !== 'server' ? 'it needs the real server in DATABASE_URL (TEST_DB=server)' : missingReplicaTools();
if (unavailable) console.warn(`read-replica test skipped: ${unavailable}`);

/** The read-your-writes cookie a write answered with, as a browser would send it back. */
function recentWriteCookie(response: TestResponse): string | null {
  const header = response.headers['set-cookie'] ?? '';
  return header.includes(`${RECENT_WRITE}; Max-Age=15`) ? RECENT_WRITE : null;
}

(unavailable ? describe.skip : describe)('read replicas on a real streaming replica (integration)', () => {
  let replica: StreamingReplica;
  let t: TestApp;
  let citizen: TestSession;
  let cleaning: TestSession;
  let manager: TestSession;
  /** A report every view knows from the start, and the one filed while the replica is held back. */
  let older: string;
  let fresh: string;
  let freshProposal: number;

  /** Everything the public sees of the city, read as one client (headers) would. */
  async function publicViews(headers: Record<string, string> = {}) {
    const get = (url: string) => t.inject({ method: 'GET', url, headers });
    const json = async (url: string) => {
      const response = await get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      return response.json();
    };
    const freshPage = await get(`/api/v1/reports/${fresh}`);
    const proposalPage = await get(`/api/v1/proposals/${freshProposal}`);
    return {
      freshReport: freshPage.statusCode,
      olderStatus: (await json(`/api/v1/reports/${older}`)).properties.status,
      map: (await json(`/api/v1/reports?bbox=${MADRID_BBOX}`)).features.map((f: { id: string }) => f.id).sort(),
      clusters: (await json(`/api/v1/reports/clusters?bbox=${MADRID_BBOX}&zoom=8`)).total,
      open311: (await json('/open311/v2/requests.json')).map((r: { service_request_id: string }) => r.service_request_id).sort(),
      proposals: (await json('/api/v1/proposals?sort=newest')).items.map((p: { id: number }) => p.id).sort(),
      freshProposal: proposalPage.statusCode,
      stats: JSON.stringify(await json('/api/v1/stats/city')),
      // Served from the replica too; no write in this test changes them, but they must answer.
      categories: (await json('/api/v1/categories')).length,
      areas: (await json('/api/v1/areas')).features.length,
      services: (await json('/open311/v2/services.json')).length,
      themes: (await json('/api/v1/proposal-themes')).length,
      places: (await json('/api/v1/places?q=Bravo%20Murillo')).map((p: { name: string }) => p.name),
    };
  }

  // Kept so that afterAll can wait for them: a start still under way when a hook times out must
  // still be stopped and removed, or its cluster and replication slot would outlive the run.
  let replicaStarting: Promise<StreamingReplica> | undefined;
  let appStarting: Promise<TestApp> | undefined;

  beforeAll(async () => {
    replicaStarting = startStreamingReplica(process.env['DATABASE_URL'] as string);
    replica = await replicaStarting;
    appStarting = createTestApp(async (db) => {
      // The API connects to the replica at boot: its copy of the fresh database must exist by then.
      await replica.catchUp();
      return { DATABASE_READ_URL: replica.urlFor(db.url) };
    });
    t = await appStarting;
    await seedAccounts(t);
    citizen = await signIn(t, DEMO.citizen);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    manager = await signIn(t, DEMO.manager);
    older = await fileReport(t);
    await replica.catchUp();
  }, 300_000);

  afterAll(async () => {
    const app = await appStarting?.catch(() => undefined);
    const started = await replicaStarting?.catch(() => undefined);
    try {
      await started?.resumeReplay().catch(() => undefined);
      await app?.close();
    } finally {
      // Stopped and deleted even when the tests failed: no cluster or replication slot outlives the run.
      await started?.remove();
    }
  }, 120_000);

  it('serves public reads from the replica, and a client who just wrote (citizen or staff) from the primary', async () => {
    // Held back, the replica stops at what it has: whatever is written now exists on the primary only.
    await replica.pauseReplay();

    const filed = await t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport({ title: 'Contenedor volcado en la acera', address: 'Calle de Bravo Murillo, 5' }) });
    expect(filed.statusCode).toBe(201);
    fresh = filed.json().properties.ref;
    const confirmed = await confirmReport(t, await confirmationTokenFor(t, fresh));
    expect(confirmed.statusCode).toBe(200);
    const moved = await call(t, cleaning, 'POST', caseUrl(older, '/acknowledge'), {});
    expect(moved.statusCode).toBe(200);
    const proposed = await t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(citizen),
      payload: {
        title: 'Más papeleras en Chamberí',
        summary: 'Papeleras en cada esquina de Santa Engracia para que las aceras estén limpias.',
        description: 'Las aceras se ensucian porque no hay dónde tirar nada entre la glorieta y el mercado.',
        theme: 'movilidad',
        lat: 40.4345,
        lon: -3.7038,
        showName: false,
      },
    });
    expect(proposed.statusCode).toBe(201);
    freshProposal = proposed.json().id;
    // Every successful write answers with the cookie: the citizen's filing and confirmation, the staff move.
    for (const write of [filed, confirmed, moved, proposed]) expect(recentWriteCookie(write)).toBe(RECENT_WRITE);

    const stale = await publicViews();
    const primary = await publicViews({ cookie: RECENT_WRITE });
    // The replica, paused before the writes: none of them shows to a client who did not write.
    expect(stale).toMatchObject({ freshReport: 404, olderStatus: 'confirmed', clusters: 1, freshProposal: 404 });
    expect(stale.map).not.toContain(fresh);
    expect(stale.open311).not.toContain(fresh);
    expect(stale.proposals).not.toContain(freshProposal);
    expect(stale.places).toEqual([]);
    // The client who wrote reads from the primary and sees every write at once.
    expect(primary).toMatchObject({ freshReport: 200, olderStatus: 'investigating', clusters: 2, freshProposal: 200 });
    expect(primary.map).toEqual(expect.arrayContaining([older, fresh]));
    expect(primary.open311).toEqual(expect.arrayContaining([older, fresh]));
    expect(primary.proposals).toContain(freshProposal);
    expect(primary.places).toEqual(['Calle de Bravo Murillo, 5']);
    expect(primary.stats).not.toBe(stale.stats);
    expect(primary.categories).toBeGreaterThan(0);
    expect(stale).toMatchObject({ categories: primary.categories, areas: primary.areas, services: primary.services, themes: primary.themes });

    // The API's replica pool is connected to the replica, to this test's database.
    const replicaSessions = await onReplica((c) =>
      c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'plaza-api'`),
    );
    expect(replicaSessions.rows[0].n).toBeGreaterThan(0);

    // The console reads from the primary without any cookie: staff see the new report at once.
    const staffCase = await call(t, manager, 'GET', caseUrl(fresh));
    expect(staffCase.statusCode).toBe(200);
    const staffList = await call(t, manager, 'GET', '/api/v1/staff/proposals');
    expect(staffList.statusCode).toBe(200);
    expect(JSON.stringify(staffList.json())).toContain(`"id":${freshProposal}`);

    // Once the replica catches up, everyone sees what the writers saw.
    await replica.resumeReplay();
    await replica.catchUp();
    expect(await publicViews()).toEqual(primary);
  });

  it('falls back to the primary when the replica is down', async () => {
    const before = await publicViews();
    await replica.stop();
    // Every public read still answers, from the primary, the same as before.
    expect(await publicViews()).toEqual(before);
    // Writes never needed the replica.
    const filed = await t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport({ title: 'Papelera rota en la esquina' }) });
    expect(filed.statusCode).toBe(201);
  });

  it('boots while its replica is down, and reads from the primary', async () => {
    // The replica is still down from the test above; an API replica restarting now must not crash-loop.
    const second = await createTestApp(async (db) => ({ DATABASE_READ_URL: replica.urlFor(db.url) }));
    try {
      const list = await second.inject({ method: 'GET', url: `/api/v1/reports?bbox=${MADRID_BBOX}` });
      expect(list.statusCode).toBe(200);
      const ref = await fileReport(second);
      expect((await second.inject({ method: 'GET', url: `/api/v1/reports/${ref}` })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  /** A query on the replica, to this test's database. */
  async function onReplica<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: replica.urlFor(t.db.url) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
});
