import {
  Outbox,
  OutboxChannels,
  OutboxClock,
  OutboxWorker,
  PermanentDeliveryError,
  type OutboxDelivery,
} from '@plaza/api/outbox';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts } from './sessions';

/**
 * The outbox without SMTP: the kept transport delivers inside the enqueuing transaction, other
 * channels go through the worker (driven here with runOnce and a moved clock).
 */
describe('outbox (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let outbox: Outbox;
  let worker: OutboxWorker;
  let now = new Date('2026-03-02T09:00:00Z');
  const delivered: Array<{ payload: Record<string, unknown>; delivery: OutboxDelivery }> = [];
  let failWith: Error | null = null;

  const row = async (dedupeKey: string) =>
    (await db.query(`SELECT * FROM outbox_messages WHERE dedupe_key = $1`, [dedupeKey]))[0];

  beforeAll(async () => {
    // The background worker stays off: this file drives the app's worker itself.
    t = await createTestApp({ OUTBOX_WORKER: 'false' });
    db = t.app.get(DataSource);
    outbox = t.app.get(Outbox);
    worker = t.app.get(OutboxWorker);
    t.app.get(OutboxClock).now = () => new Date(now);
    t.app.get(OutboxChannels).register({
      channel: 'test',
      deliver: async (payload, delivery) => {
        if (failWith) throw failWith;
        delivered.push({ payload, delivery });
        return `external-${delivered.length}`;
      },
    });
    await seedAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a sign-in link readable once the worker decided the request (kept transport, same transaction)', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: DEMO.citizen } });
    expect(response.statusCode).toBeLessThan(300);
    // The request only queued the address (constant time); the worker looks the account up and mails.
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE to_address = $1`, [DEMO.citizen])).toHaveLength(0);
    await worker.runOnce();
    const [mail] = await db.query(`SELECT id, subject FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC`, [DEMO.citizen]);
    expect(mail).toBeDefined();
    const [message] = await db.query(`SELECT status, attempts, result, channel FROM outbox_messages WHERE result = $1`, [mail.id]);
    expect(message).toEqual({ status: 'sent', attempts: 1, result: mail.id, channel: 'email' });
  });

  it('writes one message per dedupe key, and nothing when the transaction rolls back', async () => {
    const first = await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'event-1', payload: { n: 1 } }));
    const second = await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'event-1', payload: { n: 2 } }));
    expect([first, second]).toEqual([true, false]);
    expect((await row('event-1')).payload).toEqual({ n: 1 });

    await expect(
      db.transaction(async (m) => {
        await outbox.enqueue(m, { channel: 'test', dedupeKey: 'event-rolled-back', payload: {} });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await row('event-rolled-back')).toBeUndefined();
  });

  it('drops a second mail for the same event', async () => {
    const mailer = t.app.get<Mailer>(MAILER);
    const mail = { to: 'dedupe@example.test', subject: 'Once', text: 'Only once', locale: 'es', dedupeKey: 'mail-event-1' };
    await db.transaction((m) => mailer.send(mail, m));
    await db.transaction((m) => mailer.send(mail, m));
    const kept = await db.query(`SELECT id FROM mail_messages WHERE to_address = 'dedupe@example.test'`);
    expect(kept).toHaveLength(1);
  });

  it('delivers through the worker, passing the message id and attempt, and keeps the result', async () => {
    delivered.length = 0;
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);
    expect(delivered.map((d) => d.payload)).toEqual([{ n: 1 }]);
    const message = await row('event-1');
    expect(delivered[0]!.delivery).toEqual({ id: message.id, attempt: 1, dedupeKey: 'event-1' });
    expect(message).toMatchObject({ status: 'sent', attempts: 1, result: 'external-1', locked_until: null });
    expect(await worker.runOnce()).toBe(0);
  });

  it('waits for notBefore', async () => {
    delivered.length = 0;
    const notBefore = new Date(now.getTime() + 60 * 60_000);
    await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'later', payload: {}, notBefore }));
    expect(await worker.runOnce()).toBe(0);
    now = new Date(notBefore.getTime() + 1);
    expect(await worker.runOnce()).toBe(1);
    expect((await row('later')).status).toBe('sent');
  });

  it('wakes the running worker when an enqueuing transaction commits, well before its next poll', async () => {
    delivered.length = 0;
    worker.start();
    try {
      // Let the first round (started by start()) finish, so only the commit can wake it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const committedAt = Date.now();
      await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'prompt', payload: { prompt: true } }));
      while (delivered.length === 0 && Date.now() - committedAt < 4_000) await new Promise((resolve) => setTimeout(resolve, 20));
      // The poll is every 5 s: anything well under that was the wake-up.
      expect(delivered.map((d) => d.payload)).toEqual([{ prompt: true }]);
      expect(Date.now() - committedAt).toBeLessThan(2_000);
    } finally {
      await worker.stop();
    }
  });

  it('retries a failure later with backoff, and fails a permanent error at once', async () => {
    failWith = new Error('connection refused');
    await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'flaky', payload: {} }));
    expect(await worker.runOnce()).toBe(1);
    const waiting = await row('flaky');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: 'connection refused' });
    const wait = new Date(waiting.next_attempt_at).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(15_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    expect(await worker.runOnce()).toBe(0);

    failWith = new PermanentDeliveryError('no such mailbox');
    await db.transaction((m) => outbox.enqueue(m, { channel: 'test', dedupeKey: 'doomed', payload: {} }));
    await worker.runOnce();
    expect(await row('doomed')).toMatchObject({ status: 'failed', attempts: 1, last_error: 'no such mailbox' });
    failWith = null;
  });
});
