import { OutboxWorker } from '@plaza/api/outbox';
// Data protection (issue 15, docs/privacy.md): consent records, the citizen's own data (access,
// correction, erasure), crypto-shredded audit entries and the retention job with an injected clock.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AuditService } from '@plaza/api/audit';
import { AccountDataService, RetentionClock, RetentionJob } from '@plaza/api/privacy';
import { DataSource } from 'typeorm';
import { call, caseUrl, citizenReport, fileReport } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, signUp as signUpAs, type TestSession } from './sessions';

const DAY = 86_400_000;
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm run audit:verify`, as an operator runs it, against the test's database. */
function auditVerifyCommand(databaseUrl: string): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env['NODE_OPTIONS'];
  const result = spawnSync(process.execPath, ['infra/scripts/audit-verify.mjs'], { cwd: workspaceRoot, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function signUp(t: TestApp, name: string, email: string): Promise<TestSession> {
  return signUpAs(t, { name, email, password: 'una contraseña larga' });
}

async function lastMailTo(t: TestApp, to: string): Promise<string> {
  const [row] = await t.app
    .get(DataSource)
    .query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [to]);
  if (!row) throw new Error(`No mail to ${to}`);
  return row.text_body as string;
}

describe('a citizen\u2019s own data: consent, access, correction, erasure, retention (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  const verifyChain = () => t.app.get(AuditService).verify();
  const auditEntry = async (action: string, entityId: string) =>
    (await t.app.get(AuditService).page(null, 500)).entries.find((e) => e.action === action && e.entityId === entityId);

  it('records consent, exports everything, corrects, and erases in one go while the audit chain still verifies', async () => {
    const citizen = await signUp(t, 'Olga Marín', 'olga.marin@example.org');
    const filed = await call(t, citizen, 'POST', '/api/v1/reports', citizenReport({
      reporter: { name: 'Olga Marín', email: 'olga.marin@example.org', phone: '+34 611 222 333', showName: true },
      description: 'Bolsas de basura; llamadme al 611 222 333 si hace falta.',
    }));
    expect(filed.statusCode).toBe(201);
    const ref: string = filed.json().properties.ref;
    const alert = await t.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      payload: { email: 'olga.marin@example.org', scope: 'category', category: 'limpieza', frequency: 'daily', consent: true },
    });
    expect(alert.statusCode).toBeLessThan(300);
    // The subscription is filed by the outbox worker, after the answer.
    await t.app.get(OutboxWorker).runOnce();

    // Staff redact the phone from the text: the original stays in the audit log, sealed under the report's key.
    const edited = await call(t, manager, 'PATCH', caseUrl(ref, '/text'), {
      description: 'Bolsas de basura; llamadme al [teléfono retirado] si hace falta.',
      reason: 'personal_data',
    });
    expect(edited.statusCode).toBe(200);
    // The phone had the report held for moderation (screening); redacted, it can be published.
    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    const [raw] = await db.query(`SELECT before::text AS before FROM audit_log WHERE action = 'case.edit_text' AND entity_id = $1`, [ref]);
    expect(raw.before).not.toContain('611 222 333');
    expect(((await auditEntry('case.edit_text', ref))?.before as { description: string }).description).toContain('611 222 333');

    const exported = await call(t, citizen, 'GET', '/api/v1/account/data');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/json');
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="plaza-my-data-/);
    const data = exported.json();
    for (const key of ['reports', 'proposals', 'comments', 'supports', 'follows', 'alerts', 'consents']) {
      expect(Array.isArray(data[key])).toBe(true);
    }
    expect(data.account).toMatchObject({ name: 'Olga Marín', email: 'olga.marin@example.org' });
    expect(data.reports).toEqual([expect.objectContaining({ ref, contact: expect.objectContaining({ phone: '+34 611 222 333' }) })]);
    expect(data.alerts).toHaveLength(1);
    expect(data.consents.map((c: { form: string }) => c.form).sort()).toEqual(['alert', 'report', 'signup']);
    expect(data.consents[0]).toMatchObject({ channel: 'web', noticeVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect((await t.inject({ method: 'GET', url: '/api/v1/account/data' })).statusCode).toBe(401);

    // Correction: name and phone at once; the email only once the new address confirms it.
    const corrected = await call(t, citizen, 'PATCH', '/api/v1/account', { name: 'Olga Marín Sanz', phone: '', email: 'olga.nueva@example.org' });
    expect(corrected.json()).toEqual({ emailConfirmationSent: true });
    expect((await call(t, citizen, 'GET', '/api/v1/account/data')).json().account.email).toBe('olga.marin@example.org');
    const token = /email-token=([A-Za-z0-9_.-]+)/.exec(await lastMailTo(t, 'olga.nueva@example.org'))![1]!;
    expect((await call(t, citizen, 'POST', '/api/v1/account/email/confirm', { token: `${token}x` })).statusCode).toBe(401);
    expect((await call(t, citizen, 'POST', '/api/v1/account/email/confirm', { token })).json()).toEqual({ email: 'olga.nueva@example.org' });
    const afterCorrection = (await call(t, citizen, 'GET', '/api/v1/account/data')).json();
    // The alert moved to the confirmed address with the account.
    expect(afterCorrection.alerts).toHaveLength(1);
    expect(afterCorrection.account).toMatchObject({ name: 'Olga Marín Sanz', email: 'olga.nueva@example.org' });
    expect(afterCorrection.reports[0].contact).toMatchObject({ name: 'Olga Marín Sanz', email: 'olga.nueva@example.org', phone: null });
    const badPhone = await call(t, citizen, 'PATCH', '/api/v1/account', { phone: 'call me maybe' });
    expect(badPhone.statusCode).toBe(422);

    // Erasure needs the session's CSRF token, answers 204 and ends the session.
    expect((await t.inject({ method: 'DELETE', url: '/api/v1/account', headers: { cookie: citizen.cookie } })).statusCode).toBe(403);
    const erased = await call(t, citizen, 'DELETE', '/api/v1/account');
    expect(erased.statusCode).toBe(204);
    expect(erased.headers['set-cookie']).toContain('Max-Age=0');
    expect((await call(t, citizen, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);

    // The report stays public, without the name; the staff view keeps no contact.
    const publicReport = await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` });
    expect(publicReport.statusCode).toBe(200);
    expect(publicReport.body).not.toContain('Olga');
    const staffView = await call(t, manager, 'GET', caseUrl(ref));
    expect(staffView.json().reporter).toMatchObject({ name: 'Vecino/a', email: null, phone: null });
    const [user] = await db.query(`SELECT email, name, active, password_hash FROM users WHERE id = $1`, [citizen.user.id]);
    expect(user).toMatchObject({ name: 'Vecino/a', active: false, password_hash: null });
    expect(user.email).not.toContain('olga');
    expect(await db.query(`SELECT 1 FROM alert_subscriptions WHERE email LIKE 'olga%'`)).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address LIKE 'olga%'`)).toHaveLength(0);
    // Consent records stay as proof the notice was given, tied to nobody.
    expect(await db.query(`SELECT 1 FROM consent_records WHERE user_id = $1`, [citizen.user.id])).toHaveLength(0);

    // Crypto-shredded: the original text and the citizen's email as an actor are unreadable; the chain verifies.
    expect((await auditEntry('case.edit_text', ref))?.before).toEqual({ erased: true });
    const erasure = await auditEntry('user.erase', citizen.user.id);
    expect(erasure?.after).toMatchObject({ reports: 1, alerts: 1, sessions: expect.any(Number) });
    expect(JSON.stringify(erasure)).not.toMatch(/olga/i);
    const corrections = (await t.app.get(AuditService).page(null, 500)).entries.filter((e) => e.action === 'user.correct');
    expect(corrections.length).toBeGreaterThan(0);
    for (const entry of corrections) expect(entry.actorEmail).toBeNull();
    expect(JSON.stringify(await db.query(`SELECT * FROM audit_log`))).not.toMatch(/olga|611 222 333/i);
    expect(await verifyChain()).toMatchObject({ ok: true, brokenAt: null });
    if (!t.db.embedded) expect(auditVerifyCommand(t.db.url)).toMatchObject({ status: 0 });
  });

  it('mails anonymous reporters a signed link to their data, answering the same for unknown addresses', async () => {
    const ref = await fileReport(t, { reporter: { name: 'Iker Etxeberria', email: 'iker@example.org', showName: false } });
    const known = await t.inject({ method: 'POST', url: '/api/v1/account/data/request', payload: { email: 'IKER@example.org' } });
    const unknown = await t.inject({ method: 'POST', url: '/api/v1/account/data/request', payload: { email: 'nadie@example.org' } });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    await t.app.get(AccountDataService).settled();
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = 'nadie@example.org'`)).toHaveLength(0);
    const token = /reporter-token=([A-Za-z0-9_.-]+)/.exec(await lastMailTo(t, 'iker@example.org'))![1]!;
    const data = await t.inject({ method: 'GET', url: `/api/v1/account/data/reporter?token=${token}` });
    expect(data.json().reports.map((r: { ref: string }) => r.ref)).toEqual([ref]);
    expect(data.json().consents).toEqual([expect.objectContaining({ form: 'report', channel: 'web', reportRef: ref })]);
    expect((await t.inject({ method: 'GET', url: `/api/v1/account/data/reporter?token=${token.slice(0, -2)}` })).statusCode).toBe(401);
  });

  it('retention: erases contacts a while after the case closed, warns then erases inactive accounts, purges old mail', async () => {
    const clock = t.app.get(RetentionClock);
    const job = t.app.get(RetentionJob);
    const ref = await fileReport(t, { reporter: { name: 'Pau Serra', email: 'pau@example.org', phone: '600 000 001', showName: false } });
    const [{ id }] = await db.query(`SELECT id FROM reports WHERE ref = $1`, [ref]);
    await db.query(`UPDATE reports SET status = 'fixed' WHERE id = $1`, [id]);
    await db.query(`INSERT INTO report_events (report_id, actor_kind, from_status, to_status) VALUES ($1, 'staff', 'confirmed', 'fixed')`, [id]);
    const edited = await call(t, manager, 'PATCH', caseUrl(ref, '/text'), { description: 'Texto revisado.', reason: 'personal_data' });
    expect(edited.statusCode).toBe(200);
    const dormant = await signUp(t, 'Dormida', 'dormida@example.org');

    const now = Date.now();
    clock.now = () => new Date(now + 300 * DAY);
    const early = await job.run();
    expect(early).toMatchObject({ contactsErased: 0, accountsErased: 0 });

    clock.now = () => new Date(now + 366 * DAY);
    expect((await job.run()).contactsErased).toBeGreaterThanOrEqual(1);
    const [contact] = await db.query(`SELECT reporter_name, reporter_email, reporter_phone, contact_erased_at FROM reports WHERE id = $1`, [id]);
    expect(contact).toMatchObject({ reporter_name: 'Vecino/a', reporter_email: '', reporter_phone: null });
    // Erased when the sweep ran (the retention clock's time), as the seeder's history writes it.
    expect(new Date(contact.contact_erased_at).getTime()).toBe(now + 366 * DAY);
    expect((await auditEntry('case.edit_text', ref))?.before).toEqual({ erased: true });
    // Contacts of open cases are kept.
    expect((await db.query(`SELECT count(*)::int AS n FROM reports WHERE contact_erased_at IS NULL AND status = 'confirmed'`))[0].n).toBeGreaterThan(0);

    // Inactive for RETENTION_INACTIVE_DAYS (730) minus the 30-day warning: warned by mail, not erased yet.
    clock.now = () => new Date(now + 701 * DAY);
    const warned = await job.run();
    expect(warned.accountsWarned).toBeGreaterThanOrEqual(1);
    expect(warned.accountsErased).toBe(0);
    expect(await lastMailTo(t, 'dormida@example.org')).toContain('30');
    // Staff accounts are never swept.
    expect(await db.query(`SELECT 1 FROM users WHERE email = $1 AND inactivity_warned_at IS NOT NULL`, [DEMO.manager])).toHaveLength(0);

    clock.now = () => new Date(now + 732 * DAY);
    const swept = await job.run();
    expect(swept.accountsErased).toBeGreaterThanOrEqual(1);
    const [gone] = await db.query(`SELECT name, erased_at FROM users WHERE id = $1`, [dormant.user.id]);
    expect(gone.name).toBe('Vecino/a');
    expect(gone.erased_at).not.toBeNull();
    // Kept mail older than 30 days is gone (the warning of day 701 among it).
    expect(swept.mailsPurged).toBeGreaterThan(0);
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE created_at < $1`, [new Date(now + 700 * DAY)])).toHaveLength(0);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});

describe('staff access to a reporter\u2019s contact is audit-logged (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes who opened which case and when, once per visit, and the reporter sees the count', async () => {
    const citizen = await signUp(t, 'Marta Gil', 'marta.gil@example.org');
    const filed = await call(t, citizen, 'POST', '/api/v1/reports', citizenReport({
      reporter: { name: 'Marta Gil', email: 'marta.gil@example.org', showName: false },
    }));
    const ref: string = filed.json().properties.ref;
    expect((await call(t, citizen, 'GET', '/api/v1/account/data')).json().staffContactViews).toBe(0);

    const manager = await signIn(t, DEMO.manager);
    const admin = await signIn(t, DEMO.admin);
    expect((await call(t, manager, 'GET', caseUrl(ref))).statusCode).toBe(200);
    expect((await call(t, manager, 'GET', caseUrl(ref))).statusCode).toBe(200); // a reload: same visit
    expect((await call(t, admin, 'GET', caseUrl(ref))).statusCode).toBe(200);

    const views = (await t.app.get(AuditService).page(null, 100)).entries.filter(
      (e) => e.action === 'case.view_contact' && e.entityId === ref,
    );
    expect(views.map((v) => v.actorEmail).sort()).toEqual([DEMO.admin, DEMO.manager].sort());
    for (const view of views) expect(view).toMatchObject({ entityType: 'report', at: expect.any(String), before: null, after: null });
    expect((await call(t, citizen, 'GET', '/api/v1/account/data')).json().staffContactViews).toBe(2);
    // The inbox lists cases without contact: no access to record.
    expect((await call(t, manager, 'GET', '/api/v1/staff/cases')).statusCode).toBe(200);
    expect((await t.app.get(AuditService).page(null, 100)).entries.filter((e) => e.action === 'case.view_contact')).toHaveLength(2);
  });
});
