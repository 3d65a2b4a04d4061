import { access } from 'node:fs/promises';
import path from 'node:path';
import { PhotoWorker } from '@plaza/api/media';
import { TimelineListeners, type ReportTimelineEvent } from '@plaza/api/events';
import { ConfirmationExpiryJob } from '@plaza/api/reports';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { call, caseUrl, citizenReport, CHAMBERI, expectProblem } from './cases-fixtures';
import { createTestApp, multipart, type TestApp, type TestResponse } from './create-test-app';
import { confirmationTokenFor, confirmReport } from './report-confirmation';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';

// Confirmation of anonymous reports (docs/notifications.md): a report filed without a session is
// seen by nobody until its reporter follows the link mailed to them, and is deleted if they never do.
describe('confirmation of anonymous reports (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;
  let citizen: TestSession;
  const events: ReportTimelineEvent[] = [];

  const file = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport(payload), headers });
  const mailsTo = (email: string): Promise<Array<{ subject: string; text: string; html: string; locale: string }>> =>
    db.query(
      `SELECT subject, text_body AS text, html_body AS html, locale FROM mail_messages WHERE to_address = $1 ORDER BY created_at`,
      [email],
    );
  const get = (url: string, session: TestSession | null = null) => call(t, session, 'GET', url);
  const refsIn = (response: TestResponse) => JSON.stringify(response.json());
  const eventsOf = (id: string) => events.filter((e) => e.reportId === id);
  const idOf = async (ref: string): Promise<string> => (await db.query(`SELECT id::text AS id FROM reports WHERE ref = $1`, [ref]))[0].id;

  /** Everywhere a report can be seen: true when `ref` shows in none of them. */
  async function invisibleEverywhere(ref: string): Promise<void> {
    expect((await get(`/api/v1/reports/${ref}`)).statusCode).toBe(404);
    expect(refsIn(await get('/api/v1/reports?limit=500'))).not.toContain(ref);
    const nearby = (await get(`/api/v1/reports/nearby?lat=${CHAMBERI.lat}&lon=${CHAMBERI.lon}`)).json();
    expect(nearby.map((r: { ref: string }) => r.ref)).not.toContain(ref);
    expect((await get('/feeds/reports.atom')).body).not.toContain(ref);
    expect((await get(`/feeds/reports/${ref}.atom`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/requests/${ref}.json`)).statusCode).toBe(404);
    const open311List = await get('/open311/v2/requests.json');
    expect(open311List.statusCode).toBe(200);
    expect(open311List.body).not.toContain(ref);
    expect((await call(t, null, 'POST', `/api/v1/reports/${ref}/supports`, { token: 'x'.repeat(24) })).statusCode).toBe(404);
    const inbox = await get('/api/v1/staff/cases?queue=all', manager);
    expect(inbox.statusCode).toBe(200);
    expect(JSON.stringify(inbox.json().items)).not.toContain(ref);
    const moderation = (await get('/api/v1/staff/cases?queue=moderation', manager)).json();
    expect(JSON.stringify(moderation)).not.toContain(ref);
    expect((await get(caseUrl(ref), manager)).statusCode).toBe(404);
  }

  beforeAll(async () => {
    t = await createTestApp({ REPORT_CONFIRMATION_TTL_HOURS: '48' });
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
    citizen = await signIn(t, DEMO.citizen);
    t.app.get(TimelineListeners).onReportEvent(async (_m, e) => void events.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('mails an anonymous reporter a link, hides the report everywhere, and publishes it once confirmed', async () => {
    const email = 'anon.one@example.org';
    const totalBefore = (await get(`/api/v1/reports/clusters?bbox=-3.9,40.3,-3.5,40.6&zoom=10`)).json().total;
    const countsBefore = (await get('/api/v1/staff/cases', manager)).json().counts;
    const created = await file({ reporter: { name: 'Ana Anónima', email, showName: false }, title: 'Papelera rota en la acera' });
    expect(created.statusCode).toBe(201);
    const report = created.json();
    expect(report.awaitingConfirmation).toBe(true);
    const ref: string = report.properties.ref;
    const id = await idOf(ref);

    // One mail, in Spanish (the request's language), HTML and text, with a link to the map's page.
    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Confirma tu aviso ${ref}`);
    expect(mail?.locale).toBe('es');
    expect(mail?.text).toMatch(new RegExp(`http://plaza\\.test/confirm/[A-Za-z0-9_-]{43}\\?lang=es`));
    expect(mail?.text).toMatch(/48 horas/);
    expect(mail?.html).toMatch(/<html lang="es"/);
    expect(mail?.html).toContain(`http://plaza.test/confirm/`);
    // Only a hash of the token is stored.
    const token = await confirmationTokenFor(t, ref);
    expect(JSON.stringify(await db.query(`SELECT * FROM reports WHERE id = $1`, [id]))).not.toContain(token);

    await invisibleEverywhere(ref);
    expect((await get(`/api/v1/reports/clusters?bbox=-3.9,40.3,-3.5,40.6&zoom=10`)).json().total).toBe(totalBefore);
    expect((await get('/api/v1/staff/cases', manager)).json().counts).toEqual(countsBefore);
    // Nothing has happened for the city yet: no timeline entry, so no listener (notifications, alerts) fired.
    expect(eventsOf(id)).toEqual([]);
    expect(await db.query(`SELECT 1 FROM report_events WHERE report_id = $1`, [id])).toEqual([]);

    const confirmed = await confirmReport(t, token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ ref, status: 'confirmed', public: true, alreadyConfirmed: false });
    expect(eventsOf(id)).toEqual([expect.objectContaining({ actorKind: 'citizen', from: null, to: 'confirmed', isPublic: true })]);

    const detail = await get(`/api/v1/reports/${ref}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().properties.timeline).toEqual([expect.objectContaining({ actor: 'citizen', from: null, to: 'confirmed' })]);
    expect(refsIn(await get('/api/v1/reports?limit=500'))).toContain(ref);
    expect((await get(`/open311/v2/requests/${ref}.json`)).statusCode).toBe(200);
    expect((await get('/feeds/reports.atom')).body).toContain(ref);
    expect((await get(`/api/v1/reports/clusters?bbox=-3.9,40.3,-3.5,40.6&zoom=10`)).json().total).toBe(totalBefore + 1);
    expect((await get(caseUrl(ref), manager)).statusCode).toBe(200);

    // The link followed again: harmless, and said so.
    const again = await confirmReport(t, token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ref, public: true, alreadyConfirmed: true });
    expect(eventsOf(id)).toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM report_events WHERE report_id = $1`, [id])).toHaveLength(1);
  });

  it('puts a confirmed report of a moderated category in the moderation queue, not on the map', async () => {
    const email = 'anon.graffiti@example.org';
    const created = await file({ category: 'pintada', reporter: { name: 'Gema', email, showName: false } });
    const ref: string = created.json().properties.ref;
    expect((await mailsTo(email))[0]?.text).toMatch(/revisará antes de publicarlo/);
    const before = (await get('/api/v1/staff/cases?queue=moderation', manager)).json();
    expect(JSON.stringify(before)).not.toContain(ref);

    const confirmed = await confirmReport(t, await confirmationTokenFor(t, ref));
    expect(confirmed.json()).toEqual({ ref, status: 'unconfirmed', public: false, alreadyConfirmed: false });
    const after = (await get('/api/v1/staff/cases?queue=moderation', manager)).json();
    expect(JSON.stringify(after)).toContain(ref);
    expect((await get(`/api/v1/reports/${ref}`)).statusCode).toBe(404);
  });

  it('writes to an English-speaking reporter in English', async () => {
    const email = 'anon.english@example.org';
    const created = await file({ reporter: { name: 'John', email, showName: false } }, { 'accept-language': 'en-GB,en;q=0.9' });
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ subject: `Confirm your report ${created.json().properties.ref}`, locale: 'en' });
    expect(mail?.html).toMatch(/<html lang="en"/);
    expect(mail?.text).toMatch(/expires in 48 hours/);
  });

  it('writes to a Basque-speaking reporter in Basque, and keeps their language for the mails that follow', async () => {
    const email = 'anon.euskara@example.org';
    const created = await file({ reporter: { name: 'Miren', email, showName: false } }, { 'accept-language': 'eu-ES,eu;q=0.9,es;q=0.5' });
    expect(created.statusCode).toBe(201);
    const ref: string = created.json().properties.ref;
    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: `Berretsi zure abisua: ${ref}`, locale: 'eu' });
    expect(mail?.html).toMatch(/<html lang="eu"/);
    expect(mail?.text).toContain('Kaixo, Miren:');
    expect(mail?.text).toContain('Esteka 48 ordu barru iraungiko da');
    expect(mail?.text).not.toMatch(/Confirma|caduca|Hola/);
    // The link opens the map in Basque, and the report remembers the language for later mails.
    expect(mail?.text).toMatch(/\/confirm\/[A-Za-z0-9_-]{43}\?lang=eu/);
    expect((await db.query(`SELECT reporter_locale AS locale FROM reports WHERE ref = $1`, [ref]))[0].locale).toBe('eu');
  });

  it('takes the language of a shared link (?lang=gl) over the browser’s', async () => {
    const email = 'anon.galego@example.org';
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/reports?lang=gl',
      payload: citizenReport({ reporter: { name: 'Uxía', email, showName: false } }),
      headers: { 'accept-language': 'es-ES' },
    });
    expect(created.statusCode).toBe(201);
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ subject: `Confirma o teu aviso ${created.json().properties.ref}`, locale: 'gl' });
    expect(mail?.html).toMatch(/<html lang="gl"/);
    expect(mail?.text).toContain('A ligazón caduca en 48 horas');
  });

  it('publishes a signed-in citizen’s report at once, linked to their account, without a mail', async () => {
    const email = DEMO.citizen;
    const created = await file({ reporter: { name: 'Vecina', email, showName: false } }, withSession(citizen));
    expect(created.statusCode).toBe(201);
    expect(created.json().awaitingConfirmation).toBe(false);
    const ref: string = created.json().properties.ref;
    expect((await get(`/api/v1/reports/${ref}`)).statusCode).toBe(200);
    expect(await mailsTo(email)).toEqual([]);
    const [row] = await db.query(`SELECT reporter_user_id AS "userId" FROM reports WHERE ref = $1`, [ref]);
    expect(row.userId).toBe(citizen.user.id);
    expect(eventsOf(await idOf(ref))).toEqual([expect.objectContaining({ from: null, to: 'confirmed' })]);

    // A session without its CSRF token counts as anonymous (a forged request never borrows a session).
    const forged = await file({ reporter: { name: 'Vecina', email, showName: false } }, { cookie: citizen.cookie });
    expect(forged.json().awaitingConfirmation).toBe(true);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('asks a signed-in citizen who types another address to confirm it, like anyone else', async () => {
    const email = 'not.mine@example.org';
    const created = await file({ reporter: { name: 'Vecina', email, showName: false } }, withSession(citizen));
    expect(created.statusCode).toBe(201);
    expect(created.json().awaitingConfirmation).toBe(true);
    const ref: string = created.json().properties.ref;
    expect((await get(`/api/v1/reports/${ref}`)).statusCode).toBe(404);
    expect(await mailsTo(email)).toHaveLength(1);
    const [row] = await db.query(`SELECT reporter_user_id AS "userId" FROM reports WHERE ref = $1`, [ref]);
    expect(row.userId).toBeNull();
  });

  it('asks nothing of a citizen whose report staff filed on their behalf', async () => {
    const email = 'phoned.in@example.org';
    // The staff form's fields (FileOnBehalfRequest): the public form's consent box is not one of them.
    const { consent: _consent, ...report } = citizenReport({ reporter: { name: 'Por teléfono', email, showName: false } });
    const response = await call(t, manager, 'POST', '/api/v1/staff/cases', { ...report, channel: 'phone' });
    expect(response.statusCode).toBe(201);
    const ref: string = response.json().case.ref;
    expect((await get(`/api/v1/reports/${ref}`)).statusCode).toBe(200);
    expect(await mailsTo(email)).toEqual([]);
  });

  it('sends one mail for a report retried with the same Idempotency-Key', async () => {
    const email = 'retry@example.org';
    const headers = { 'idempotency-key': 'confirmation-retry-1' };
    const first = await file({ reporter: { name: 'Reintento', email, showName: false } }, headers);
    const second = await file({ reporter: { name: 'Reintento', email, showName: false } }, headers);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().properties.ref).toBe(first.json().properties.ref);
    expect(second.json().awaitingConfirmation).toBe(true);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('answers unknown and malformed tokens with a 404 problem', async () => {
    for (const token of ['A'.repeat(43), 'short', 'x'.repeat(90)]) {
      const response = await confirmReport(t, token);
      expectProblem(response, 404);
      expect(response.json().code).toBe('REPORT.CONFIRMATION_NOT_FOUND');
    }
  });

  it('deletes reports, photos included, whose link expired unused; their token then fails', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3232c8' } }).jpeg().toBuffer();
    const form = new FormData();
    const fields = { ...citizenReport(), 'reporter[name]': 'Olvido', 'reporter[email]': 'forgot@example.org', 'reporter[showName]': 'false' };
    for (const [key, value] of Object.entries(fields)) if (typeof value !== 'object') form.set(key, String(value));
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'papelera.jpg');
    const created = await t.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(form)) });
    expect(created.statusCode).toBe(201);
    const ref: string = created.json().properties.ref;
    const token = await confirmationTokenFor(t, ref);
    await t.app.get(PhotoWorker).drain();
    const keys: Array<{ storage_key: string; thumbnail_key: string }> = await db.query(
      `SELECT storage_key, thumbnail_key FROM report_photos p JOIN reports r ON r.id = p.report_id WHERE r.ref = $1`,
      [ref],
    );
    expect(keys).toHaveLength(1);
    const files = keys.flatMap((k) => [k.storage_key, k.thumbnail_key]);
    const exists = (key: string) =>
      access(path.join(t.dataDir, 'photos', key.slice(0, 2), key.slice(2, 4), key)).then(() => true, () => false);
    expect(await Promise.all(files.map(exists))).toEqual([true, true]);
    // A report still within its TTL, which the job must leave alone.
    const fresh = await file({ reporter: { name: 'Aún a tiempo', email: 'in.time@example.org', showName: false } });
    const freshRef: string = fresh.json().properties.ref;

    const job = t.app.get(ConfirmationExpiryJob);
    await job.run();
    expect(await db.query(`SELECT 1 FROM reports WHERE ref = $1`, [ref])).toHaveLength(1);

    await db.query(`UPDATE reports SET confirmation_expires_at = now() - interval '1 minute' WHERE ref = $1`, [ref]);
    const expired = await confirmReport(t, token);
    expectProblem(expired, 404);
    expect(expired.json().code).toBe('REPORT.CONFIRMATION_EXPIRED');

    expect(await job.run()).toBe(1);
    expect(await db.query(`SELECT 1 FROM reports WHERE ref = $1`, [ref])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM report_photos WHERE storage_key = $1`, [keys[0]?.storage_key])).toEqual([]);
    expect(await Promise.all(files.map(exists))).toEqual([false, false]);
    expect((await confirmReport(t, token)).json().code).toBe('REPORT.CONFIRMATION_NOT_FOUND');
    // Idempotent: a second pass (another replica) finds nothing; the fresh report is still there.
    expect(await job.run()).toBe(0);
    expect(await db.query(`SELECT 1 FROM reports WHERE ref = $1`, [freshRef])).toHaveLength(1);
    // A confirmed report is never expired, however old.
    await confirmReport(t, await confirmationTokenFor(t, freshRef));
    await db.query(`UPDATE reports SET confirmation_expires_at = now() - interval '1 day' WHERE ref = $1`, [freshRef]);
    expect(await job.run()).toBe(0);
    expect((await get(`/api/v1/reports/${freshRef}`)).statusCode).toBe(200);
  });
});
