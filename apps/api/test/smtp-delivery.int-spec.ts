import { MAILER, type Mailer } from '@plaza/api/mail';
import { OutboxChannels, OutboxClock, OutboxWorker, UnsubscribeLinks } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';
import { SmtpTestServer } from './smtp-test-server';

const HOUR = 3_600_000;
const LEASE = 5 * 60_000;

/**
 * Delivery through a real SMTP server started here. The API's own worker is off; the tests drive
 * workers with runOnce and walk a shared clock through outages instead of sleeping.
 */
describe('SMTP delivery through the outbox (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpTestServer;
  let mailer: Mailer;
  let worker: OutboxWorker;
  let now = new Date('2026-03-02T09:00:00Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  /** Another API process: its own worker instance on the same database and clock. */
  const freshWorker = () =>
    OutboxWorker.create(db, t.app.get(OutboxChannels), t.app.get(OutboxClock), { retryWindowMs: 48 * HOUR });
  const message = async (where: string, params: unknown[]) =>
    (await db.query(`SELECT * FROM outbox_messages WHERE ${where}`, params))[0];

  beforeAll(async () => {
    smtp = new SmtpTestServer();
    await smtp.start();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Ayuntamiento <avisos@plaza.test>', OUTBOX_WORKER: 'false' });
    db = t.app.get(DataSource);
    mailer = t.app.get<Mailer>(MAILER);
    worker = t.app.get(OutboxWorker);
    t.app.get(OutboxClock).now = () => new Date(now);
    await seedAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers a sign-in link once even when the connection drops during DATA and a fresh worker takes over', async () => {
    smtp.plan.push('drop');
    const response = await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: DEMO.citizen } });
    expect(response.statusCode).toBeLessThan(300);
    // The request queued the address; the worker's first round looks the account up and queues the mail.
    expect(await worker.runOnce()).toBe(1);
    // With SMTP configured nothing is kept: the mail waits in the outbox for the worker.
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = $1`, [DEMO.citizen])).toHaveLength(0);
    const queued = await message(`payload->>'to' = $1`, [DEMO.citizen]);
    expect(queued.status).toBe('pending');

    expect(await worker.runOnce()).toBe(1);
    expect(smtp.to(DEMO.citizen)).toHaveLength(0);
    const retrying = await message('id = $1', [queued.id]);
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retrying.last_error).toBeTruthy();

    advance(60_000);
    expect(await freshWorker().runOnce()).toBe(1);
    const mails = smtp.to(DEMO.citizen);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe('Tu enlace para entrar en Plaza');
    expect(mails[0]!.parsed.messageId).toBe(`<outbox-${queued.id}@plaza.test>`);
    expect(mails[0]!.parsed.from?.value).toEqual([{ name: 'Ayuntamiento', address: 'avisos@plaza.test' }]);
    expect(mails[0]!.parsed.text).toMatch(/\/signin\/link\?token=/);
    expect(mails[0]!.parsed.html).toMatch(/<a href="http:\/\/plaza\.test\/signin\/link\?token=/);
    expect(await message('id = $1', [queued.id])).toMatchObject({ status: 'sent', attempts: 2, result: `<outbox-${queued.id}@plaza.test>` });
    expect(await freshWorker().runOnce()).toBe(0);
  });

  it('delivers once when the sending process dies during DATA: another worker waits out the lease, then sends', async () => {
    smtp.plan.push('hold');
    await mailer.send({ to: 'crash@example.test', subject: 'Crash test', text: 'Once.', locale: 'es', dedupeKey: 'crash-1' });
    const dataReceived = smtp.nextData();
    // Worker A claims the message and is stuck in DATA: the process it runs in is about to die.
    const stuck = worker.runOnce();
    await dataReceived;
    const claimed = await message('dedupe_key = $1', ['crash-1']);
    expect(claimed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(claimed.locked_until).getTime()).toBe(now.getTime() + LEASE);

    // Another replica during the lease: it must not take the message.
    const replica = freshWorker();
    advance(LEASE - 1_000);
    expect(await replica.runOnce()).toBe(0);

    // The lease runs out (A is dead): the replica delivers it, once.
    advance(2_000);
    expect(await replica.runOnce()).toBe(1);
    expect(smtp.to('crash@example.test')).toHaveLength(1);
    expect(await message('dedupe_key = $1', ['crash-1'])).toMatchObject({ status: 'sent', attempts: 2 });

    // A's connection finally drops; its late failure must not overwrite the recorded success.
    smtp.dropHeld();
    await stuck;
    expect(await message('dedupe_key = $1', ['crash-1'])).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.to('crash@example.test')).toHaveLength(1);
  });

  it('loses nothing through ten minutes of SMTP outage, nor through hours, and sends each mail once afterwards', async () => {
    await smtp.stop();
    const addresses = Array.from({ length: 5 }, (_, i) => `outage-${i}@example.test`);
    for (const [i, to] of addresses.entries()) {
      await db.transaction((m) => mailer.send({ to, subject: `Outage ${i}`, text: 'Still here.', locale: 'es', dedupeKey: `outage-${i}` }, m));
    }
    // Ten minutes of outage, the worker polling every ten seconds.
    const start = now.getTime();
    let attempts = 0;
    while (now.getTime() - start < 10 * 60_000) {
      attempts += await worker.runOnce();
      advance(10_000);
    }
    const during = await db.query(`SELECT status, attempts FROM outbox_messages WHERE dedupe_key LIKE 'outage-%'`);
    expect(during).toHaveLength(5);
    expect(during.every((m: { status: string }) => m.status === 'pending')).toBe(true);
    // Backoff: a handful of attempts each in ten minutes, not one per poll.
    expect(attempts).toBeGreaterThanOrEqual(5 * 3);
    expect(attempts).toBeLessThanOrEqual(5 * 7);

    // The outage goes on for six hours: still nothing failed.
    while (now.getTime() - start < 6 * HOUR) {
      await worker.runOnce();
      advance(60_000);
    }
    const later = await db.query(`SELECT status, attempts FROM outbox_messages WHERE dedupe_key LIKE 'outage-%'`);
    expect(later.every((m: { status: string }) => m.status === 'pending')).toBe(true);
    // Capped backoff: about four attempts an hour, so an outage of hours is still retried.
    expect(Math.min(...later.map((m: { attempts: number }) => m.attempts))).toBeGreaterThanOrEqual(20);

    await smtp.start(smtp.port);
    advance(15 * 60_000);
    await worker.runOnce();
    for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
    const after = await db.query(`SELECT status FROM outbox_messages WHERE dedupe_key LIKE 'outage-%'`);
    expect(after.every((m: { status: string }) => m.status === 'sent')).toBe(true);
    advance(HOUR);
    expect(await worker.runOnce()).toBe(0);
    for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
  });

  it('marks a message failed only once its retry window is over', async () => {
    await smtp.stop();
    await mailer.send({ to: 'window@example.test', subject: 'Window', text: 'Too late.', locale: 'es', dedupeKey: 'window-1' });
    const start = now.getTime();
    while (now.getTime() - start < 47 * HOUR) {
      await worker.runOnce();
      advance(5 * 60_000);
    }
    expect((await message('dedupe_key = $1', ['window-1'])).status).toBe('pending');
    while (now.getTime() - start < 49 * HOUR) {
      await worker.runOnce();
      advance(5 * 60_000);
    }
    const failed = await message('dedupe_key = $1', ['window-1']);
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start(smtp.port);
  });

  describe('unsubscribe links', () => {
    let token: string;
    const subscribed = async (subject: string) =>
      (await db.query(`SELECT active FROM test_subscriptions WHERE subject = $1`, [subject]))[0]?.active;

    beforeAll(async () => {
      await db.query(`CREATE TABLE test_subscriptions (subject text PRIMARY KEY, active boolean NOT NULL DEFAULT true)`);
      await db.query(`INSERT INTO test_subscriptions (subject) VALUES ('report-42')`);
      const links = t.app.get(UnsubscribeLinks);
      links.register('test-updates', {
        describe: async (subject, locale) => {
          const [row] = await db.query(`SELECT subject FROM test_subscriptions WHERE subject = $1`, [subject]);
          if (!row) return null;
          return locale === 'en' ? `Updates about ${subject}` : `Avisos sobre ${subject}`;
        },
        unsubscribe: async (manager, subject) => {
          await manager.query(`UPDATE test_subscriptions SET active = false WHERE subject = $1`, [subject]);
        },
      });
      const url = links.url('test-updates', 'report-42');
      expect(url).toMatch(/^http:\/\/plaza\.test\/unsubscribe\/u1\./);
      token = url.slice('http://plaza.test/unsubscribe/'.length);
      await mailer.send({ to: 'follower@example.test', subject: 'Report 42 changed', text: 'News.', locale: 'en', unsubscribeUrl: url, dedupeKey: 'follow-42' });
      await worker.runOnce();
    });

    it('sends the RFC 8058 one-click headers', () => {
      const [mail] = smtp.to('follower@example.test');
      expect(mail!.header('list-unsubscribe')).toBe(`<http://plaza.test/api/v1/unsubscribe/${token}>`);
      expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    });

    it('describes without acting on GET, and unsubscribes on POST without signing in, idempotently', async () => {
      const view = await t.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}?lang=en` });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toEqual({ kind: 'test-updates', description: 'Updates about report-42', done: false });
      expect(await subscribed('report-42')).toBe(true);

      const oneClick = {
        method: 'POST',
        url: `/api/v1/unsubscribe/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      };
      const done = await t.inject(oneClick);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ kind: 'test-updates', done: true });
      expect(await subscribed('report-42')).toBe(false);
      expect((await t.inject(oneClick)).statusCode).toBe(200);

      // The public page's button: JSON from a browser on another origin, still no session needed.
      const fromPage = await t.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, headers: { origin: 'https://mail.example' } });
      expect(fromPage.statusCode).toBe(200);
    });

    it('refuses forged and unknown links with problem+json', async () => {
      const [version, body, signature] = token.split('.');
      const forgedBody = Buffer.from(JSON.stringify(['test-updates', 'report-43'])).toString('base64url');
      const links = t.app.get(UnsubscribeLinks);
      for (const bad of [`${version}.${forgedBody}.${signature}`, 'not-a-token', `${version}.${body}.${'A'.repeat(43)}`, links.token('no-such-kind', 'x')]) {
        for (const method of ['GET', 'POST']) {
          const response = await t.inject({ method, url: `/api/v1/unsubscribe/${bad}` });
          expect(response.statusCode).toBe(404);
          expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(response.json().code).toBe('UNSUBSCRIBE.INVALID_LINK');
        }
      }
      // A subject that no longer exists names nothing.
      expect((await t.inject({ method: 'GET', url: `/api/v1/unsubscribe/${links.token('test-updates', 'gone')}` })).statusCode).toBe(404);
    });
  });

  describe('the Deliveries page', () => {
    let manager: TestSession;
    let admin: TestSession;

    beforeAll(async () => {
      manager = await signIn(t, DEMO.manager);
      admin = await signIn(t, DEMO.admin);
    });

    const list = async (session: TestSession) => {
      const response = await t.inject({ method: 'GET', url: '/api/v1/staff/deliveries', headers: withSession(session) });
      expect(response.statusCode).toBe(200);
      return response.json() as Array<{ id: string; status: string; recipient: string; attempts: number; lastError: string; summary: string }>;
    };
    const act = (session: TestSession, id: string, action: 'retry' | 'dismiss') =>
      t.inject({ method: 'POST', url: `/api/v1/staff/deliveries/${id}/${action}`, headers: withSession(session) });

    it('lists a refused recipient as failed, and a retry delivers it (audit-logged)', async () => {
      smtp.unknownMailboxes.add('typo@example.test');
      await mailer.send({ to: 'typo@example.test', subject: 'Refused', text: 'No one here.', locale: 'es', dedupeKey: 'typo-1' });
      await worker.runOnce();
      const failed = (await list(manager)).find((d) => d.recipient === 'typo@example.test');
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, summary: 'Refused' });
      expect(failed!.lastError).toMatch(/550|mailbox/i);

      smtp.unknownMailboxes.delete('typo@example.test');
      const retried = await act(manager, failed!.id, 'retry');
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'pending' });
      await worker.runOnce();
      expect(smtp.to('typo@example.test')).toHaveLength(1);
      expect((await list(manager)).some((d) => d.id === failed!.id)).toBe(false);
      const [entry] = await db.query(`SELECT action, actor_email, before, after FROM audit_log WHERE entity_type = 'delivery' AND entity_id = $1`, [failed!.id]);
      expect(entry).toMatchObject({ action: 'delivery.retry', actor_email: DEMO.manager, after: { status: 'pending' } });
      expect(entry.before).toMatchObject({ status: 'failed' });
      // A sent message cannot be retried: that would send it twice.
      expect((await act(admin, failed!.id, 'retry')).statusCode).toBe(409);
    });

    it("names a report's confirmation mail by its subject, rendered from the values the outbox keeps, and delivers it rendered", async () => {
      const file = (email: string) =>
        t.inject({
          method: 'POST',
          url: '/api/v1/reports?lang=en',
          payload: { category: 'bache', title: 'Hole <deep>', description: 'In the middle of the crossing.', lat: 40.4169, lon: -3.7035, reporter: { name: 'Ana', email, showName: false }, consent: true },
        });
      smtp.unknownMailboxes.add('away@example.test');
      const refused = await file('away@example.test');
      expect(refused.statusCode).toBe(201);
      const ref: string = refused.json().properties.ref;
      // Queued as values (decision 0015): no rendered text in the outbox row.
      const queued = await message(`payload->>'to' = $1`, ['away@example.test']);
      expect(queued.channel).toBe('templated-email');
      expect(queued.payload).toMatchObject({ template: 'report-confirmation', ref, locale: 'en', title: 'Hole <deep>' });
      expect(queued.payload.text).toBeUndefined();
      await worker.runOnce();
      const failed = (await list(manager)).find((d) => d.recipient === 'away@example.test');
      expect(failed).toMatchObject({ status: 'failed', channel: 'email', summary: `Confirm your report ${ref}` });

      // A replica from before templated mail (a rolling upgrade) has no handler for it: it leaves
      // the message to be retried, where it would have failed a mail without a subject for good.
      const delivered = await file('here@example.test');
      const older = new OutboxChannels();
      older.register({ ...t.app.get(OutboxChannels).get('email')!, channel: 'email' });
      await OutboxWorker.create(db, older, t.app.get(OutboxClock), { retryWindowMs: 48 * HOUR }).runOnce();
      expect(await message(`payload->>'to' = $1`, ['here@example.test'])).toMatchObject({ status: 'pending', attempts: 1 });
      expect(smtp.to('here@example.test')).toHaveLength(0);
      advance(HOUR);
      await worker.runOnce();
      const [mail] = smtp.to('here@example.test');
      expect(mail?.parsed.subject).toBe(`Confirm your report ${delivered.json().properties.ref}`);
      expect(mail?.parsed.text).toMatch(/\/confirm\/[A-Za-z0-9_-]{43}\?lang=en/);
      expect(mail?.parsed.text).toContain('Hole <deep>');
      expect(mail?.parsed.html).toContain('Hole &lt;deep&gt;');
    });

    it('dismisses a failed delivery for good (audit-logged)', async () => {
      smtp.unknownMailboxes.add('gone@example.test');
      await mailer.send({ to: 'gone@example.test', subject: 'Gone', text: 'Never.', locale: 'es', dedupeKey: 'gone-1' });
      await worker.runOnce();
      const failed = (await list(admin)).find((d) => d.recipient === 'gone@example.test');
      expect(failed?.status).toBe('failed');
      const dismissed = await act(admin, failed!.id, 'dismiss');
      expect(dismissed.statusCode).toBe(200);
      expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
      expect((await list(admin)).some((d) => d.id === failed!.id)).toBe(false);
      advance(HOUR);
      await worker.runOnce();
      expect(smtp.to('gone@example.test')).toHaveLength(0);
      const [entry] = await db.query(`SELECT action, actor_email FROM audit_log WHERE entity_type = 'delivery' AND entity_id = $1`, [failed!.id]);
      expect(entry).toEqual({ action: 'delivery.dismiss', actor_email: DEMO.admin });
      expect((await act(admin, failed!.id, 'dismiss')).statusCode).toBe(409);
      expect((await act(admin, '00000000-0000-4000-8000-000000000000', 'retry')).statusCode).toBe(404);
      expect((await act(admin, 'not-a-uuid', 'dismiss')).statusCode).toBe(404);
    });

    it('is not for citizens or department staff', async () => {
      for (const email of [DEMO.citizen, DEMO.cleaningStaff]) {
        const session = await signIn(t, email);
        const response = await t.inject({ method: 'GET', url: '/api/v1/staff/deliveries', headers: withSession(session) });
        expect(response.statusCode).toBe(403);
      }
      expect((await t.inject({ method: 'GET', url: '/api/v1/staff/deliveries' })).statusCode).toBe(401);
    });
  });
});
