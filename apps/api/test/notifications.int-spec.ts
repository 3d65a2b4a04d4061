// Update mails to reporters, authors and followers (docs/notifications.md, "Notifications to
// reporters and followers"): who gets one, in which language, what it says and how it stops.
import { UpdateNotifier } from '@plaza/api/notifications';
import { REPORT_STATUS_LABELS, type Locale } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { call, caseUrl, citizenReport, departmentId } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';
import { confirmByMail } from './report-confirmation';

interface KeptMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

describe('notifications to reporters and followers (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestSession;
  let manager: TestSession;
  let cleaning: TestSession;
  let vecina: TestSession;
  let vecino: TestSession;
  let seen = new Set<string>();

  /** Mails kept since the last call (the kept transport writes them in the enqueuing transaction). */
  /** Mails kept since the last call, to people: cases routed to a department also mail the department (dispatch). */
  async function newMails(): Promise<KeptMail[]> {
    const rows: Array<KeptMail & { id: string }> = await db.query(
      `SELECT id::text AS id, to_address AS "to", subject, text_body AS text, html_body AS html, locale FROM mail_messages
        WHERE lower(to_address) NOT IN (SELECT lower(contact_email) FROM departments)
        ORDER BY created_at, id`,
    );
    const fresh = rows.filter((r) => !seen.has(r.id));
    seen = new Set(rows.map((r) => r.id));
    return fresh;
  }

  const to = (mails: KeptMail[], address: string) => mails.filter((m) => m.to.toLowerCase() === address.toLowerCase());

  /** A report filed through the public form by `email`, in `locale`, already public. */
  async function fileReport(email: string, locale: Locale): Promise<string> {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'accept-language': locale },
      payload: citizenReport({ reporter: { name: 'Lucía Pérez', email, phone: '+34 600 111 222', showName: false } }),
    });
    expect(response.statusCode).toBe(201);
    const ref: string = response.json().properties.ref;
    // Filed without a session: the reporter confirms by the mailed link, as on the map.
    await confirmByMail(t, ref);
    const [row] = await db.query(`SELECT status FROM reports WHERE ref = $1`, [ref]);
    if (row.status === 'unconfirmed') expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    return ref;
  }

  const follow = async (s: TestSession, ref: string) =>
    expect((await t.inject({ method: 'POST', url: `/api/v1/reports/${ref}/follow`, headers: withSession(s) })).statusCode).toBe(201);

  function unsubscribeToken(mail: KeptMail): string {
    const match = /http:\/\/plaza\.test\/unsubscribe\/([A-Za-z0-9._-]+)/.exec(mail.text);
    if (!match) throw new Error(`No unsubscribe link in: ${mail.text}`);
    return match[1]!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    vecina = await signIn(t, DEMO.citizen);
    vecino = await signIn(t, DEMO.englishCitizen);
    // Cleaning publishes its replies itself, so its moves reach the public at once.
    const cleaningId = await departmentId(t, 'limpieza');
    expect((await call(t, admin, 'PUT', `/api/v1/admin/department-trust/${cleaningId}`, { trustedToPublish: true })).statusCode).toBe(200);
    await newMails();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes to a reporter who filed in Basque in Basque, status name and unsubscribe page included', async () => {
    const ref = await fileReport('miren@example.org', 'eu');
    await newMails();
    const closed = await call(t, cleaning, 'POST', caseUrl(ref, '/resolve'), { status: 'closed', body: 'Kaixo. Espaloia gaur goizean garbitu dugu. Eskerrik asko abisatzeagatik.' });
    expect(closed.statusCode).toBe(200);
    const [mail, ...more] = to(await newMails(), 'miren@example.org');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ locale: 'eu', subject: `Zure abisua ${ref}: ${REPORT_STATUS_LABELS.eu.closed}` });
    expect(mail!.html).toContain('<html lang="eu"');
    expect(mail!.text).toContain('«Kaixo. Espaloia gaur goizean garbitu dugu. Eskerrik asko abisatzeagatik.»');
    expect(mail!.text).toContain('Ez duzu honelako abisu gehiagorik jaso nahi? Harpidetza kendu: http://plaza.test/unsubscribe/');
    const page = await t.inject({ method: 'GET', url: `/api/v1/unsubscribe/${unsubscribeToken(mail!)}?lang=eu` });
    expect(page.statusCode).toBe(200);
    expect(page.json().description).toMatch(new RegExp(`^Utzi ${ref} abisuari \\(«.+»\\) buruzko berriak jasotzeari$`));
  });

  it('mails the reporter (in their language) and each follower once when a department closes a case with a public reply; never the actor, never for an internal note', async () => {
    // The reporter is the English-speaking demo citizen; the Spanish one and the acting department follow.
    const ref = await fileReport(DEMO.englishCitizen, 'en');
    await follow(vecina, ref);
    await follow(cleaning, ref);
    await follow(vecino, ref);
    await newMails();

    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/notes'), { body: 'Pasamos mañana con la barredora.', visibility: 'departments' })).statusCode).toBe(201);
    expect(await newMails()).toEqual([]);

    const closed = await call(t, cleaning, 'POST', caseUrl(ref, '/resolve'), { status: 'closed', body: 'Hola. Hemos limpiado la acera esta mañana con la barredora. Gracias por avisar.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'applied', case: { status: 'closed' } });

    const mails = await newMails();
    expect(mails.map((m) => m.to.toLowerCase()).sort()).toEqual([DEMO.englishCitizen, DEMO.citizen].sort());
    expect(to(mails, DEMO.cleaningStaff)).toEqual([]);

    const [reporterMail] = to(mails, DEMO.englishCitizen);
    expect(reporterMail).toMatchObject({ locale: 'en', subject: `Your report ${ref}: Closed` });
    const [followerMail] = to(mails, DEMO.citizen);
    expect(followerMail).toMatchObject({ locale: 'es', subject: `Aviso ${ref}: Cerrado` });
    for (const mail of [reporterMail!, followerMail!]) {
      for (const body of [mail.text, mail.html]) {
        expect(body).toContain('Hola. Hemos limpiado la acera esta mañana con la barredora. Gracias por avisar.');
        expect(body).toContain(`http://plaza.test/reports/${ref}`);
        expect(body).toContain('http://plaza.test/unsubscribe/');
        // Nobody's personal data: not the reporter's name or phone, not the other recipient, not the staff.
        for (const personal of ['Lucía', '600 111 222', DEMO.cleaningStaff, mail.to === DEMO.citizen ? DEMO.englishCitizen : DEMO.citizen]) {
          expect(body).not.toContain(personal);
        }
      }
      expect(mail.html).toMatch(/<html lang="(es|en)"/);
    }
    expect(reporterMail!.html).toContain('lang="en"');

    // The in-app list of the signed-in recipients has the update too; the actor's has not.
    const inApp = await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(vecina) });
    expect(inApp.json()).toContainEqual(expect.objectContaining({ kind: 'report_update', data: expect.objectContaining({ ref, status: 'closed' }) }));
    const [{ n: staffNotices }] = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'report_update'`, [cleaning.user.id]);
    expect(staffNotices).toBe(0);

    // The same event told again (a retried listener, a replayed write) yields no second mail.
    const [event] = await db.query(
      `SELECT id::text AS "eventId", report_id::text AS "reportId", actor_id AS "actorId", from_status AS "from", to_status AS "to", message, is_public AS "isPublic"
         FROM report_events WHERE report_id = (SELECT id FROM reports WHERE ref = $1) ORDER BY id DESC LIMIT 1`,
      [ref],
    );
    await db.transaction((m) => t.app.get(UpdateNotifier).reportEvent(m, { ...event, actorKind: 'staff', departmentId: null }));
    expect(await newMails()).toEqual([]);
  });

  it('stops a follower’s mails through the signed one-click link, and refuses a forged one', async () => {
    const ref = await fileReport('lucia@example.org', 'es');
    await follow(vecina, ref);
    await newMails();
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/acknowledge'), { message: 'Lo miramos esta semana.' })).statusCode).toBe(200);
    const mails = await newMails();
    // The reporter has no account: Spanish, the report's own language.
    expect(to(mails, 'lucia@example.org')).toEqual([expect.objectContaining({ locale: 'es', subject: `Tu aviso ${ref}: En estudio` })]);
    const token = unsubscribeToken(to(mails, DEMO.citizen)[0]!);

    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${forged}` });
    expect({ status: refused.statusCode, body: refused.body }).toEqual({ status: 404, body: expect.any(String) });
    const described = await t.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}`, headers: { 'accept-language': 'es' } });
    expect(described.json()).toMatchObject({ kind: 'follow', done: false, description: expect.stringContaining(ref) });
    const done = await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}` });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ kind: 'follow', done: true });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM follows WHERE target_type = 'report' AND user_id = $1 AND target_id = (SELECT id FROM reports WHERE ref = $2)`, [
      vecina.user.id,
      ref,
    ]);
    expect(n).toBe(0);

    // The reporter's own link stops the reporter's updates for that report only.
    const reporterToken = unsubscribeToken(to(mails, 'lucia@example.org')[0]!);
    expect((await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${reporterToken}` })).json()).toMatchObject({ kind: 'report-updates', done: true });

    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/start'), { message: 'Empezamos hoy.' })).statusCode).toBe(200);
    expect(await newMails()).toEqual([]);
    const other = await fileReport('lucia@example.org', 'es');
    await newMails(); // the link that confirmed it
    expect((await call(t, cleaning, 'POST', caseUrl(other, '/acknowledge'), {})).statusCode).toBe(200);
    expect((await newMails()).map((m) => m.to)).toEqual(['lucia@example.org']);
  });

  it('respects the account switch: no update mails, the in-app notice stays', async () => {
    const anonymous = await t.inject({ method: 'GET', url: '/api/v1/account/notifications' });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/api/v1/account/notifications', headers: withSession(vecino) })).json()).toEqual({ emailNotifications: true });
    const bad = await t.inject({ method: 'PATCH', url: '/api/v1/account/notifications', headers: withSession(vecino), payload: { emailNotifications: 'no' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const off = await t.inject({ method: 'PATCH', url: '/api/v1/account/notifications', headers: withSession(vecino), payload: { emailNotifications: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ emailNotifications: false });

    const ref = await fileReport(DEMO.englishCitizen, 'en');
    await follow(vecina, ref);
    await newMails();
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/replies'), { body: 'Hola. Pasaremos el jueves por la mañana a revisar la acera. Un saludo.' })).statusCode).toBe(200);
    expect((await newMails()).map((m) => m.to)).toEqual([DEMO.citizen]);
    const inApp = await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(vecino) });
    expect(inApp.json()).toContainEqual(expect.objectContaining({ kind: 'report_update', data: expect.objectContaining({ ref, kind: 'response' }) }));

    await t.inject({ method: 'PATCH', url: '/api/v1/account/notifications', headers: withSession(vecino), payload: { emailNotifications: true } });
  });

  it('gives a proposal’s official answer to its author and followers, not to the staff who answered', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(vecina),
      payload: {
        title: 'Papeleras con separación de residuos',
        summary: 'Papeleras de cuatro fracciones en las calles con más paso del distrito.',
        description: 'Hoy todo va a la misma papelera; con cuatro fracciones reciclaríamos mucho más en la calle.',
        theme: 'limpieza',
        lat: 40.4169,
        lon: -3.7035,
        showName: false,
      },
    });
    expect(created.statusCode).toBe(201);
    const id: number = created.json().id;
    for (const s of [vecino, manager]) {
      expect((await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/follow`, headers: withSession(s) })).statusCode).toBe(201);
    }
    await newMails();
    const staff = (s: TestSession, action: string, payload: unknown) => call(t, s, 'POST', `/api/v1/staff/proposals/${id}/${action}`, payload);

    expect((await staff(manager, 'evaluate', { departmentId: await departmentId(t, 'limpieza'), message: 'La estudia Limpieza.' })).statusCode).toBe(200);
    const evaluated = await newMails();
    expect(evaluated.map((m) => m.to).sort()).toEqual([DEMO.citizen, DEMO.englishCitizen].sort());
    expect(to(evaluated, DEMO.citizen)[0]!.subject).toBe('Tu propuesta «Papeleras con separación de residuos»: En evaluación');

    const [template] = (await call(t, cleaning, 'GET', '/api/v1/staff/proposal-templates?locale=es&outcome=accepted')).json();
    const text = 'Gracias. Limpieza instalará papeleras de cuatro fracciones este otoño.';
    expect((await staff(cleaning, 'answer', { outcome: 'accepted', templateId: template.id, text })).statusCode).toBe(200);
    const answered = await newMails();
    expect(answered.map((m) => m.to).sort()).toEqual([DEMO.citizen, DEMO.englishCitizen, DEMO.manager].sort());
    expect(to(answered, DEMO.englishCitizen)[0]).toMatchObject({ locale: 'en', subject: 'Official answer to the proposal “Papeleras con separación de residuos”' });
    expect(to(answered, DEMO.citizen)[0]).toMatchObject({ locale: 'es', subject: 'Respuesta oficial a tu propuesta «Papeleras con separación de residuos»' });
    for (const mail of answered) {
      expect(mail.text).toContain(text);
      expect(mail.text).toContain(`http://plaza.test/proposals/${id}`);
      expect(mail.text).not.toContain(DEMO.cleaningStaff);
    }
  });

  it('writes to the reporter in the report’s own language once the reports feature records it', async () => {
    // What migration 1795700000000 adds (reports.reporter_locale); kept to this file's database.
    await db.query(`ALTER TABLE reports ADD COLUMN IF NOT EXISTS reporter_locale text`);
    const ref = await fileReport('tomas@example.org', 'en');
    await db.query(`UPDATE reports SET reporter_locale = 'en' WHERE ref = $1`, [ref]);
    await newMails();
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/schedule'), { scheduledFor: '2026-12-01', message: 'We will come on Monday.' })).statusCode).toBe(200);
    expect(await newMails()).toEqual([expect.objectContaining({ to: 'tomas@example.org', locale: 'en', subject: `Your report ${ref}: Action scheduled` })]);
  });
  it('writes to a signed-in reporter in their account’s language, whatever language they filed in', async () => {
    const filed = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...withSession(vecino), 'accept-language': 'gl' },
      payload: citizenReport({ reporter: { name: 'John', email: DEMO.englishCitizen, showName: false } }),
    });
    expect(filed.statusCode).toBe(201);
    const ref: string = filed.json().properties.ref;
    const [row] = await db.query(`SELECT status, reporter_locale AS locale FROM reports WHERE ref = $1`, [ref]);
    expect(row.locale).toBe('gl');
    if (row.status === 'unconfirmed') expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    await newMails();
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/schedule'), { scheduledFor: '2026-12-01', message: 'Imos o luns.' })).statusCode).toBe(200);
    expect(to(await newMails(), DEMO.englishCitizen)).toEqual([expect.objectContaining({ locale: 'en', subject: `Your report ${ref}: Action scheduled` })]);
  });
});
