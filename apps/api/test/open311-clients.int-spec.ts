import { XMLParser } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { call, caseUrl, expectProblem, SOL } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

const BASE = '/open311/v2';

/**
 * The Open311 round trip through the console: an admin issues a client key (docs/open311.md,
 * "Open311 clients"), the client files a request with it and reads it back, department staff
 * move the case in the console, and GET requests/{id} follows in JSON and XML.
 */
describe('Open311 clients and the round trip through the console (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (fields: Record<string, string>) =>
    t.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const readBack = async (id: string) => {
    const json = (await t.inject({ method: 'GET', url: `${BASE}/requests/${id}.json` })).json()[0];
    const xml = new XMLParser({ parseTagValue: false }).parse((await t.inject({ method: 'GET', url: `${BASE}/requests/${id}.xml` })).body)
      .service_requests.request;
    return { json, xml };
  };

  it('issues a key shown once, audit-logged, kept only as a hash; refuses a duplicate name and bad input', async () => {
    const created = await call(t, admin, 'POST', '/api/v1/admin/api-clients', { name: 'App vecinal', contactEmail: 'Dev@App.example' });
    expect(created.statusCode).toBe(201);
    const { client, key } = created.json();
    expect(key).toMatch(/^plaza_o311_[A-Za-z0-9_-]{43}$/);
    expect(client).toMatchObject({ name: 'App vecinal', contactEmail: 'dev@app.example', active: true, verifiesReporters: false, lastUsedAt: null });

    const listed = await call(t, admin, 'GET', '/api/v1/admin/api-clients');
    expect(listed.json().map((c: { id: string }) => c.id)).toContain(client.id);
    expect(listed.body).not.toContain(key);
    const [stored] = await db.query(`SELECT key_hash FROM api_clients WHERE id = $1`, [client.id]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.query(`SELECT action, actor_email, after::text AS after FROM audit_log WHERE entity_type = 'api_client' AND entity_id = $1`, [client.id]);
    expect(audit).toEqual([{ action: 'api_client.create', actor_email: DEMO.admin, after: expect.not.stringContaining(key) }]);

    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/api-clients', { name: 'APP VECINAL', contactEmail: 'x@y.example' }), 409);
    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/api-clients', { name: '', contactEmail: 'nope' }), 422, 'contactEmail');
    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/api-clients/not-a-uuid/revoke'), 404);
  });

  it('files with an issued key, follows the console’s moves in JSON and XML, and stops at revocation', async () => {
    const { client, key } = (
      await call(t, admin, 'POST', '/api/v1/admin/api-clients', { name: 'Round trip', contactEmail: 'rt@app.example', verifiesReporters: true })
    ).json();
    expect(client.verifiesReporters).toBe(true);
    const filed = await post({
      api_key: key,
      service_code: 'farola',
      lat: String(SOL.lat),
      long: String(SOL.lon),
      email: 'pablo.o311@example.org',
      first_name: 'Pablo',
      description: 'La farola de la esquina no enciende desde el lunes.',
    });
    expect(filed.statusCode).toBe(200);
    const id = filed.json()[0].service_request_id as string;
    let request = await readBack(id);
    expect(request.json).toMatchObject({ service_request_id: id, status: 'open', service_code: 'farola' });
    expect(request.xml).toMatchObject({ service_request_id: id, status: 'open' });

    const lighting = await signIn(t, DEMO.lightingStaff);
    const manager = await signIn(t, DEMO.manager);
    expect((await call(t, lighting, 'POST', caseUrl(id, '/acknowledge'), {})).statusCode).toBe(200);
    const resolved = await call(t, lighting, 'POST', caseUrl(id, '/resolve'), { status: 'fixed', body: 'Hola. Hemos cambiado la lámpara de la farola esta mañana. Un saludo.' });
    expect(resolved.json().outcome).toBe('sent_for_approval');
    const [draft] = resolved.json().case.drafts;
    expect((await call(t, manager, 'POST', caseUrl(id, `/drafts/${draft.id}/approve`), {})).statusCode).toBe(200);

    request = await readBack(id);
    expect(request.json).toMatchObject({ status: 'closed', status_notes: 'Hola. Hemos cambiado la lámpara de la farola esta mañana. Un saludo.' });
    expect(request.xml).toMatchObject({ status: 'closed', status_notes: 'Hola. Hemos cambiado la lámpara de la farola esta mañana. Un saludo.' });
    expect(JSON.stringify(request.json) + JSON.stringify(request.xml)).not.toContain('pablo.o311');

    const revoked = await call(t, admin, 'POST', `/api/v1/admin/api-clients/${client.id}/revoke`);
    expect(revoked.json()).toMatchObject({ id: client.id, active: false });
    expect((await post({ api_key: key, service_code: 'farola', lat: String(SOL.lat), long: String(SOL.lon), description: 'Otra farola apagada aquí.' })).statusCode).toBe(403);
    const actions = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'api_client' AND entity_id = $1 ORDER BY seq`, [client.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['api_client.create', 'api_client.revoke']);
  });
});
