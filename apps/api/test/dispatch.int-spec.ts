import { Open311PullJob } from '@plaza/api/dispatch';
import { OutboxClock, OutboxWorker } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { call, caseUrl, departmentId, expectProblem, fileReport, SOL } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { startFakeOpen311, type FakeOpen311 } from './fake-open311-server';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

/**
 * Sending routed cases to departments (docs/dispatch.md): by email, and through a department's
 * external Open311 system that is down for hours, then pulled back into Plaza.
 */
describe('dispatch to departments (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let worker: OutboxWorker;
  let pull: Open311PullJob;
  let external: FakeOpen311;
  let admin: TestSession;
  let manager: TestSession;
  let now = new Date('2026-03-02T09:00:00Z');

  const outboxRow = async (dedupePrefix: string) =>
    (await db.query(`SELECT * FROM outbox_messages WHERE dedupe_key LIKE $1 ORDER BY created_at`, [`${dedupePrefix}%`]))[0];
  const dispatchOf = async (ref: string) =>
    (await db.query(`SELECT x.* FROM report_dispatches x JOIN reports r ON r.id = x.report_id WHERE r.ref = $1`, [ref]))[0];
  const configureLighting = (patch: Record<string, unknown>) =>
    departmentId(t, 'alumbrado').then((id) => call(t, admin, 'PATCH', `/api/v1/admin/departments/${id}`, patch));

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_WORKER: 'false' });
    db = t.app.get(DataSource);
    worker = t.app.get(OutboxWorker);
    pull = t.app.get(Open311PullJob);
    t.app.get(OutboxClock).now = () => new Date(now);
    external = await startFakeOpen311();
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
    await external?.close();
  });

  it('mails a case to its department once, with the reporter’s contact and a link to the console', async () => {
    const ref = await fileReport(t);
    const mails = await db.query(`SELECT subject, text_body FROM mail_messages WHERE to_address = 'limpieza@ayto.example'`);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(ref);
    for (const part of ['Lucía Pérez · lucia@example.org · +34 600 111 222', `http://plaza.test/console/cases/${ref}`, 'Calle de Santa Engracia, 20']) {
      expect(mails[0].text_body).toContain(part);
    }
    // Later moves on the case do not send it again.
    const staff = await signIn(t, DEMO.cleaningStaff);
    expect((await call(t, staff, 'POST', caseUrl(ref, '/acknowledge'), {})).statusCode).toBe(200);
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = 'limpieza@ayto.example'`)).toHaveLength(1);
  });

  it('names the category in the department’s own mail language (departments.locale)', async () => {
    const cleaning = await departmentId(t, 'limpieza');
    expect((await call(t, admin, 'PATCH', `/api/v1/admin/departments/${cleaning}`, { locale: 'gl' })).json().locale).toBe('gl');
    try {
      const ref = await fileReport(t);
      const [{ galician }] = await db.query(
        `SELECT c.name->>'gl' AS galician FROM reports r JOIN categories c ON c.id = r.category_id WHERE r.ref = $1`,
        [ref],
      );
      const [mail] = await db.query(`SELECT subject FROM mail_messages WHERE to_address = 'limpieza@ayto.example' AND subject LIKE $1`, [`%${ref}%`]);
      expect(galician).toBeTruthy();
      expect(mail.subject).toContain(`] ${galician}: `);
    } finally {
      await call(t, admin, 'PATCH', `/api/v1/admin/departments/${cleaning}`, { locale: 'es' });
    }
  });

  it('keeps the external API key write-only and refuses an incomplete Open311 set-up', async () => {
    expectProblem(await configureLighting({ sendMethod: 'open311' }), 422, 'open311Endpoint');
    expectProblem(await configureLighting({ sendMethod: 'open311', open311Endpoint: external.endpoint }), 422, 'open311ApiKey');
    expectProblem(await configureLighting({ open311Endpoint: 'ftp://x' }), 422, 'open311Endpoint');
    expectProblem(await configureLighting({ open311ServiceCodes: { farola: '' } }), 422, 'open311ServiceCodes');
    const saved = await configureLighting({
      sendMethod: 'open311',
      open311Endpoint: `${external.endpoint}/`,
      open311ApiKey: external.apiKey,
      open311JurisdictionId: 'ayto.example',
      open311ServiceCodes: { farola: 'LIGHT-01' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().dispatch).toEqual({
      sendMethod: 'open311',
      open311Endpoint: external.endpoint,
      open311JurisdictionId: 'ayto.example',
      open311ServiceCodes: { farola: 'LIGHT-01' },
      open311SendReporter: true,
      open311ApiKeySet: true,
    });
    const listed = await call(t, admin, 'GET', '/api/v1/admin/departments');
    expect(listed.body).not.toContain(external.apiKey);
    const [audit] = await db.query(`SELECT after::text FROM audit_log WHERE action = 'department.update' ORDER BY seq DESC LIMIT 1`);
    expect(audit.after).not.toContain(external.apiKey);
    expect(audit.after).toContain('"open311ApiKeyChanged": true');
  });

  it('files the case on the external system exactly once after hours of outage, then pulls its closing back', async () => {
    external.mode = 'refuse';
    const ref = await fileReport(t, { category: 'farola', title: 'Farola apagada', ...SOL });
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = 'alumbrado@ayto.example'`)).toHaveLength(0);
    const queued = await outboxRow('dispatch-open311:');
    expect(queued).toMatchObject({ channel: 'open311', status: 'pending', payload: expect.objectContaining({ ref, department: 'alumbrado' }) });
    expect(JSON.stringify(queued.payload)).not.toContain('lucia@example.org');

    // Six hours down: first refusing connections, then answering 503; every retry fails and waits.
    const outageEnds = new Date(now.getTime() + 6 * 3_600_000);
    let attempts = 0;
    while (now < outageEnds) {
      if (now.getTime() > outageEnds.getTime() - 3 * 3_600_000) external.mode = 'error';
      await worker.runOnce();
      const row = await outboxRow('dispatch-open311:');
      expect(row.status).toBe('pending');
      attempts = row.attempts;
      now = new Date(Math.max(new Date(row.next_attempt_at).getTime(), now.getTime() + 1));
    }
    expect(attempts).toBeGreaterThan(10);
    expect(external.requests).toHaveLength(0);

    external.mode = 'up';
    await worker.runOnce();
    now = new Date(now.getTime() + 3_600_000);
    await worker.runOnce();
    expect(external.requests).toHaveLength(1);
    expect(external.requests[0]!.form).toMatchObject({
      api_key: external.apiKey,
      jurisdiction_id: 'ayto.example',
      service_code: 'LIGHT-01',
      lat: String(SOL.lat),
      long: String(SOL.lon),
      email: 'lucia@example.org',
      first_name: 'Lucía',
      last_name: 'Pérez',
    });
    expect(external.requests[0]!.form['description']).toContain(`Plaza ${ref}`);
    expect(await outboxRow('dispatch-open311:')).toMatchObject({ status: 'sent', result: 'service_request_id=EXT-1' });
    expect(await dispatchOf(ref)).toMatchObject({ method: 'open311', external_id: 'EXT-1', external_system: external.endpoint });

    // The external side answers, then closes the request: Plaza publishes the notes and closes the case.
    await pull.runOnce();
    expect(external.gets.at(-1)).toContain('service_request_id=EXT-1');
    external.requests[0]!.statusNotes = 'Revisada por la brigada';
    expect(await pull.runOnce()).toMatchObject({ applied: 1, failedSystems: 0 });
    external.requests[0]!.status = 'closed';
    external.requests[0]!.statusNotes = 'Lámpara sustituida';
    expect(await pull.runOnce()).toMatchObject({ applied: 1 });
    expect(await pull.runOnce()).toMatchObject({ applied: 0 });
    const publicCase = (await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json().properties;
    expect(publicCase.status).toBe('closed');
    expect(publicCase.timeline.slice(-2).map((e: { to: string; message: string }) => [e.to, e.message])).toEqual([
      ['confirmed', 'Revisada por la brigada'],
      ['closed', 'Lámpara sustituida'],
    ]);
    const staffView = (await call(t, manager, 'GET', caseUrl(ref))).json();
    expect(staffView.status).toBe('closed');
    expect(external.requests).toHaveLength(1);
  });

  it('keeps pulling through an outage of the external system', async () => {
    external.mode = 'refuse';
    external.requests[0]!.status = 'open';
    expect(await pull.runOnce()).toMatchObject({ failedSystems: 1, applied: 0 });
    external.mode = 'up';
    // Reopened on the external side after having been closed: the case is reopened in Plaza.
    expect(await pull.runOnce()).toMatchObject({ failedSystems: 0, applied: 1 });
    const [row] = await db.query(`SELECT r.status FROM reports r JOIN report_dispatches x ON x.report_id = r.id WHERE x.external_id = 'EXT-1'`);
    expect(row.status).toBe('confirmed');
  });

  it('fails at once a request the external system refuses, and resolves tokens into ids', async () => {
    expect((await configureLighting({ open311ServiceCodes: { farola: 'UNKNOWN' } })).statusCode).toBe(200);
    const refused = await fileReport(t, { category: 'farola', title: 'Otra farola', ...SOL });
    await worker.runOnce();
    const dispatch = await dispatchOf(refused);
    const [message] = await db.query(`SELECT status, attempts, last_error FROM outbox_messages WHERE dedupe_key = $1`, [`dispatch-open311:${dispatch.id}`]);
    expect(message).toEqual({ status: 'failed', attempts: 1, last_error: 'HTTP 400: service_code not found' });

    expect((await configureLighting({ open311ServiceCodes: {} })).statusCode).toBe(200);
    external.answerWithToken = true;
    const tokened = await fileReport(t, { category: 'farola', title: 'Farola parpadea', ...SOL });
    await worker.runOnce();
    expect(await dispatchOf(tokened)).toMatchObject({ external_token: 'tok-EXT-2', external_id: null });
    expect(external.requests.at(-1)!.form['service_code']).toBe('farola');
    await pull.runOnce();
    expect((await dispatchOf(tokened)).external_id).toBeNull();
    external.releaseTokens = true;
    await pull.runOnce();
    expect((await dispatchOf(tokened)).external_id).toBe('EXT-2');
    external.answerWithToken = false;
  });

  it('sends a case handed to another department to that department, and nothing for "none"', async () => {
    const ref = await fileReport(t);
    const lighting = await departmentId(t, 'alumbrado');
    const before = external.requests.length;
    expect((await call(t, manager, 'POST', caseUrl(ref, '/assign'), { departmentId: lighting })).statusCode).toBe(200);
    const timeline = (await call(t, manager, 'GET', caseUrl(ref))).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ isPublic: false, message: 'Asignada a Alumbrado Público.' });
    await worker.runOnce();
    expect(external.requests).toHaveLength(before + 1);

    const cleaning = await departmentId(t, 'limpieza');
    expect((await call(t, admin, 'PATCH', `/api/v1/admin/departments/${cleaning}`, { sendMethod: 'none' })).statusCode).toBe(200);
    const mailsBefore = (await db.query(`SELECT 1 FROM mail_messages WHERE to_address = 'limpieza@ayto.example'`)).length;
    await fileReport(t);
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = 'limpieza@ayto.example'`)).toHaveLength(mailsBefore);
  });
});
