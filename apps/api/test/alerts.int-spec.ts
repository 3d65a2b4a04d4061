import { AlertDigest, INSTANT_BATCH, subjectOf } from '@plaza/api/alerts';
import { OutboxWorker, UnsubscribeLinks } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { call, CHAMBERI, caseUrl, expectProblem, fileReport, SOL } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';


interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  locale: string;
}

const SUBSCRIBE = '/api/v1/alerts';

describe('Local alerts by email (integration)', () => {
  let t: TestApp;
  let manager: TestSession;
  let db: DataSource;

  beforeAll(async () => {
    // The digest is driven by the test's own clock below, never by the scheduler.
    t = await createTestApp({ ALERT_DIGEST_WORKER: 'off' });
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function mailsTo(email: string): Promise<Mail[]> {
    // Subscriptions are filed by the outbox worker after the answer: let it finish its round.
    await t.app.get(OutboxWorker).runOnce();
    return db.query(
      `SELECT to_address AS "to", subject, text_body AS text, html_body AS html, locale
         FROM mail_messages WHERE to_address = $1 ORDER BY created_at, id`,
      [email],
    );
  }

  function subscribe(payload: Record<string, unknown>, lang = 'es') {
    return t.inject({
      method: 'POST',
      url: SUBSCRIBE,
      headers: { 'accept-language': lang },
      payload: { frequency: 'instant', consent: true, ...payload },
    });
  }

  async function lastToken(email: string): Promise<string> {
    const mails = await mailsTo(email);
    const match = /\/alerts\/confirm\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? '');
    if (!match) throw new Error(`No confirmation link mailed to ${email}`);
    return match[1]!;
  }

  /** Subscribes and follows the mailed link, as a person would. */
  async function subscribed(payload: Record<string, unknown>, lang = 'es'): Promise<void> {
    expect((await subscribe(payload, lang)).statusCode).toBe(202);
    const confirmed = await t.inject({
      method: 'POST',
      url: `${SUBSCRIBE}/confirm/${await lastToken(payload['email'] as string)}`,
    });
    expect(confirmed.statusCode).toBe(200);
  }

  async function alertsTo(email: string): Promise<Mail[]> {
    return (await mailsTo(email)).filter((m) => /^(Nuevo aviso|New report)/.test(m.subject));
  }

  async function subscriptionId(email: string): Promise<string> {
    const [row] = await db.query(
      `SELECT id FROM alert_subscriptions WHERE email = $1 ORDER BY created_at LIMIT 1`,
      [email],
    );
    return row.id;
  }

  it('refuses malformed subscriptions with problem+json naming the fields', async () => {
    expectProblem(await subscribe({ scope: 'area', area: '07' }), 422, 'email');
    expectProblem(await subscribe({ email: 'x@example.org', scope: 'radius', lat: 40.43 }), 422, 'lon');
    expectProblem(
      await subscribe({ email: 'x@example.org', scope: 'radius', ...CHAMBERI, radius: 50_000 }),
      422,
      'radius',
    );
    expectProblem(await subscribe({ email: 'x@example.org', scope: 'area', area: '99' }), 422, 'area');
    expectProblem(
      await subscribe({ email: 'x@example.org', scope: 'category', category: 'nope' }),
      422,
      'category',
    );
    expectProblem(
      await subscribe({ email: 'x@example.org', scope: 'area', area: '07', ...CHAMBERI }),
      422,
      'lat',
    );
    expectProblem(
      await subscribe({ email: 'x@example.org', scope: 'area', area: '07', consent: false }),
      422,
      'consent',
    );
    expectProblem(await subscribe({ email: 'x@example.org', scope: 'everywhere' }), 422, 'scope');
    expectProblem(await subscribe({ email: 'not-an-email', scope: 'area', area: '07' }), 422, 'email');
    const bad = await t.inject({
      method: 'POST',
      url: `${SUBSCRIBE}/confirm/not-a-real-token-at-all-000000`,
    });
    expectProblem(bad, 404);
    expect(await mailsTo('x@example.org')).toEqual([]);
  });

  it('writes the confirmation in Basque or Galician to a subscriber who asked in that language', async () => {
    expect((await subscribe({ email: 'miren.alerta@example.org', scope: 'area', area: '07', frequency: 'daily' }, 'eu')).statusCode).toBe(202);
    const [eu] = await mailsTo('miren.alerta@example.org');
    expect(eu).toMatchObject({ subject: 'Berretsi zure abisu-alerta', locale: 'eu' });
    expect(eu!.html).toContain('<html lang="eu"');
    expect(eu!.text).toContain('Chamberí barrutian argitaratzen diren abisu berriak posta elektronikoz jasotzea eskatu duzu, eguneko laburpen batean.');
    expect(eu!.text).toContain('?lang=eu');
    expect((await subscribe({ email: 'uxia.alerta@example.org', scope: 'area', area: '07' }, 'gl-ES,gl;q=0.9')).statusCode).toBe(202);
    const [gl] = await mailsTo('uxia.alerta@example.org');
    expect(gl).toMatchObject({ subject: 'Confirma a túa alerta de avisos', locale: 'gl' });
    expect(gl!.text).toContain('os avisos novos no distrito Chamberí');
  });

  it('confirms by email in the subscriber language; subscribing twice is one subscription', async () => {
    const first = await subscribe(
      { email: 'Ana@Example.org', scope: 'area', area: '07', frequency: 'daily' },
      'en',
    );
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ status: 'confirmation_sent' });
    const [mail] = await mailsTo('ana@example.org');
    expect(mail).toMatchObject({ subject: 'Confirm your report alert', locale: 'en' });
    expect(mail!.text).toContain('Chamberí');
    expect(mail!.html).toContain('<html lang="en"');
    const oldToken = await lastToken('ana@example.org');

    // Unconfirmed: asking again mails a fresh link (the old one stops working), still one row.
    expect(
      (await subscribe({ email: 'ana@example.org', scope: 'area', area: '07', frequency: 'daily' }, 'en'))
        .statusCode,
    ).toBe(202);
    expect(await mailsTo('ana@example.org')).toHaveLength(2);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM alert_subscriptions WHERE email = 'ana@example.org'`,
    );
    expect(count).toBe(1);
    expectProblem(await t.inject({ method: 'POST', url: `${SUBSCRIBE}/confirm/${oldToken}` }), 404);

    const token = await lastToken('ana@example.org');
    // The link opens the confirmation page in the language of the mail.
    expect((await mailsTo('ana@example.org')).at(-1)?.text).toContain(`/alerts/confirm/${token}?lang=en`);
    const confirmed = await t.inject({ method: 'POST', url: `${SUBSCRIBE}/confirm/${token}?lang=en` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({
      status: 'confirmed',
      scope: 'area',
      frequency: 'daily',
      description: 'in the Chamberí district',
    });
    // Following the link again is harmless.
    expect((await t.inject({ method: 'POST', url: `${SUBSCRIBE}/confirm/${token}` })).statusCode).toBe(200);

    // Confirmed: a third request answers the same and mails nothing.
    expect(
      (
        await subscribe({ email: 'ana@example.org', scope: 'area', area: '07', frequency: 'daily' }, 'en')
      ).json(),
    ).toEqual({
      status: 'confirmation_sent',
    });
    expect(await mailsTo('ana@example.org')).toHaveLength(2);

    const spanish = await subscribe(
      { email: 'bea@example.org', scope: 'category', category: 'farola' },
      'es',
    );
    expect(spanish.statusCode).toBe(202);
    const [es] = await mailsTo('bea@example.org');
    expect(es).toMatchObject({ subject: 'Confirma tu alerta de avisos', locale: 'es' });
    expect(es!.text).toContain('Farola');
    expect(es!.html).toContain('<html lang="es"');
  });

  it('mails each matching confirmed instant subscriber exactly once when a report becomes public', async () => {
    await subscribed({ email: 'area07@example.org', scope: 'area', area: '07' });
    await subscribed({ email: 'near@example.org', scope: 'radius', ...CHAMBERI, radius: 300 }, 'en');
    await subscribed({ email: 'lights@example.org', scope: 'category', category: 'farola' });
    await subscribed({ email: 'centro@example.org', scope: 'area', area: '01' });
    await subscribed({
      email: 'farsol@example.org',
      scope: 'radius',
      lat: SOL.lat,
      lon: SOL.lon,
      radius: 200,
    });
    await subscribed({ email: 'daily07@example.org', scope: 'area', area: '07', frequency: 'daily' });
    expect((await subscribe({ email: 'pending07@example.org', scope: 'area', area: '07' })).statusCode).toBe(
      202,
    );
    await subscribed({ email: 'gone07@example.org', scope: 'area', area: '07' });
    const links = t.app.get(UnsubscribeLinks);
    const token = links.token('alert', subjectOf(await subscriptionId('gone07@example.org')));
    expect((await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}` })).statusCode).toBe(200);

    await fileReport(t, { title: 'Papeleras rebosando en la plaza' });

    const [inArea] = await alertsTo('area07@example.org');
    expect(await alertsTo('area07@example.org')).toHaveLength(1);
    expect(inArea).toMatchObject({ subject: 'Nuevo aviso: Papeleras rebosando en la plaza', locale: 'es' });
    expect(inArea!.text).toMatch(/http:\/\/plaza\.test\/reports\/\d{4}-\d{6}/);
    expect(inArea!.text).toContain('Chamberí');
    expect(inArea!.text).toMatch(/http:\/\/plaza\.test\/unsubscribe\//);
    // Only public data: nothing about the person who filed it.
    for (const part of [inArea!.text, inArea!.html ?? '']) {
      expect(part).not.toContain('Lucía');
      expect(part).not.toContain('lucia@example.org');
      expect(part).not.toContain('600 111 222');
    }
    const [near] = await alertsTo('near@example.org');
    expect(near).toMatchObject({ subject: 'New report: Papeleras rebosando en la plaza', locale: 'en' });
    for (const name of ['lights', 'centro', 'farsol', 'daily07', 'pending07', 'gone07']) {
      expect(await alertsTo(`${name}@example.org`)).toEqual([]);
    }

    // A streetlight at Sol: the category and the Centro subscribers, not Chamberí's.
    await fileReport(t, {
      category: 'farola',
      title: 'Farola apagada en Sol',
      ...SOL,
      address: 'Puerta del Sol',
    });
    expect(await alertsTo('lights@example.org')).toHaveLength(1);
    expect(await alertsTo('centro@example.org')).toHaveLength(1);
    expect(await alertsTo('farsol@example.org')).toHaveLength(1);
    expect(await alertsTo('area07@example.org')).toHaveLength(1);
    expect(await alertsTo('near@example.org')).toHaveLength(1);
  });

  it('hands a large fan-out to the outbox after commit, still one mail per subscriber', async () => {
    await db.query(
      `INSERT INTO alert_subscriptions (email, locale, scope, frequency, area_id, confirmed_at, confirmation_token_hash)
       SELECT 'bulk' || n || '@example.org', 'es', 'area', 'instant', (SELECT id FROM areas WHERE code = '01'), now(), md5('bulk' || n)
         FROM generate_series(1, 450) n`,
    );
    const ref = await fileReport(t, { title: 'Banco roto en la plaza', ...SOL, address: 'Puerta del Sol' });
    const queued = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM mail_messages WHERE to_address LIKE 'bulk%' AND subject = 'Nuevo aviso: Banco roto en la plaza'`,
        )
      )[0].n;
    // The first batch (100 of the 452 subscribers: the bulk ones, centro@ and farsol@) went with
    // the report itself; the outbox worker continues with the rest.
    const [{ n: inTransaction }] = await db.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE subject = 'Nuevo aviso: Banco roto en la plaza'`,
    );
    expect(inTransaction).toBeGreaterThanOrEqual(INSTANT_BATCH);
    const worker = t.app.get(OutboxWorker);
    for (let i = 0; i < 20 && (await queued()) < 450; i += 1) await worker.runOnce();
    expect(await queued()).toBe(450);
    const [{ max }] = await db.query(
      `SELECT max(c)::int AS max FROM (SELECT count(*) AS c FROM mail_messages WHERE to_address LIKE 'bulk%' GROUP BY to_address) x`,
    );
    expect(max).toBe(1);
    expect(ref).toMatch(/^\d{4}-\d{6}$/);
    await db.query(`DELETE FROM alert_subscriptions WHERE email LIKE 'bulk%'`);
  });

  it('waits for moderation, and a report hidden and shown again never alerts twice', async () => {
    const before = (await alertsTo('area07@example.org')).length;
    const ref = await fileReport(t, {
      category: 'pintada',
      title: 'Pintada en el portal del colegio',
      description: 'Pintada grande.',
    });
    expect(await alertsTo('area07@example.org')).toHaveLength(before);

    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    const alerts = await alertsTo('area07@example.org');
    expect(alerts).toHaveLength(before + 1);
    expect(alerts.at(-1)!.subject).toBe('Nuevo aviso: Pintada en el portal del colegio');

    expect(
      (await call(t, manager, 'POST', caseUrl(ref, '/hide'), { reason: 'Contenido ofensivo' })).statusCode,
    ).toBe(200);
    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    expect(await alertsTo('area07@example.org')).toHaveLength(before + 1);
  });

  it('sends each daily subscriber one digest of the previous day, once, at the configured hour', async () => {
    const digest = t.app.get(AlertDigest);
    await subscribed({ email: 'quiet@example.org', scope: 'area', area: '21', frequency: 'daily' });
    // Every report so far was published "today" (city time); the digest for today goes out tomorrow at 7.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());
    const tomorrow = new Date(`${today}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const day = tomorrow.toISOString().slice(0, 10);
    // 06:59 and 07:30 in Madrid, whatever the season (+01:00 in winter, +02:00 in summer).
    const at = (hhmm: string) => {
      const winter = new Date(`${day}T${hhmm}:00+01:00`);
      const offset = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Madrid',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(winter);
      return offset === hhmm.slice(0, 2) ? winter : new Date(`${day}T${hhmm}:00+02:00`);
    };

    expect(await digest.runIfDue(at('06:59'))).toEqual({ day: null, emails: 0 });
    // A replica shutting down stops before its next batch and hands the day back: nothing sent,
    // and the next check (here a minute later) takes the day at once, not after the claim's lease.
    const shutdown = new AbortController();
    shutdown.abort(new Error('shutting down'));
    await expect(digest.runIfDue(at('07:29'), shutdown.signal)).rejects.toThrow('shutting down');
    expect((await mailsTo('daily07@example.org')).filter((m) => /avisos? nuevos? el/.test(m.subject))).toHaveLength(0);
    const run = await digest.runIfDue(at('07:30'));
    expect(run.day).toBe(today);
    const digests = (await mailsTo('daily07@example.org')).filter((m) =>
      /avisos? nuevos? el/.test(m.subject),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/^\d+ avisos? nuevos? el \d+ de [a-z]+ de \d{4}$/);
    expect(digests[0]!.text).toContain('Papeleras rebosando en la plaza');
    expect(digests[0]!.text).toContain('Pintada en el portal del colegio');
    expect(digests[0]!.text).not.toContain('Farola apagada en Sol');
    expect(digests[0]!.text).toMatch(/http:\/\/plaza\.test\/unsubscribe\//);
    // The English subscriber from the first test gets it in English.
    expect((await mailsTo('ana@example.org')).at(-1)!.subject).toMatch(/^\d+ new reports on /);
    // Nothing was published in Barajas: no email at all.
    expect((await mailsTo('quiet@example.org')).filter((m) => /nuevo|new/i.test(m.subject))).toEqual([]);
    // Instant subscribers are not in the digest.
    expect((await mailsTo('area07@example.org')).filter((m) => /el \d/.test(m.subject))).toEqual([]);

    // Later that day, after a restart, or on a second replica: nothing more.
    expect(await digest.runIfDue(at('09:00'))).toEqual({ day: null, emails: 0 });
    await db.query(`DELETE FROM alert_digest_runs`);
    await digest.runIfDue(at('09:05'));
    expect(
      (await mailsTo('daily07@example.org')).filter((m) => /avisos? nuevos? el/.test(m.subject)),
    ).toHaveLength(1);
  });

  it('stops alerts through the signed link, without signing in, and forgets the address', async () => {
    const id = await subscriptionId('area07@example.org');
    const mailed = (await alertsTo('area07@example.org'))[0]!;
    const pageUrl = /http:\/\/plaza\.test\/unsubscribe\/(\S+)/.exec(mailed.text)![1]!;
    expect(mailed.html).toContain(`/unsubscribe/${pageUrl}`);

    const shown = await t.inject({ method: 'GET', url: `/api/v1/unsubscribe/${pageUrl}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      kind: 'alert',
      description: 'Alertas por correo de avisos nuevos en el distrito Chamberí',
    });
    // One click, no session, twice: the second is harmless.
    for (let i = 0; i < 2; i += 1) {
      const done = await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${pageUrl}` });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ kind: 'alert', done: true });
    }
    const [row] = await db.query(`SELECT email, unsubscribed_at FROM alert_subscriptions WHERE id = $1`, [
      id,
    ]);
    expect(row).toMatchObject({ email: null, unsubscribed_at: expect.any(Date) });

    const before = (await alertsTo('area07@example.org')).length;
    await fileReport(t, { title: 'Otro aviso en Chamberí' });
    expect(await alertsTo('area07@example.org')).toHaveLength(before);
    // A forged link does nothing.
    expect(
      (await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${pageUrl.slice(0, -3)}abc` })).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });

  it('limits how often one address may ask', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push(
        (await subscribe({ email: `many${i}@example.org`, scope: 'area', area: '01' })).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
