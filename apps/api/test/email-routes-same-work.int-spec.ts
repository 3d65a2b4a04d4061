import { OutboxWorker } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

// Issue 12: every public route that takes an email answers after the same work whatever the
// address's state. The request does one thing for any address — queue one outbox message — and
// the outbox worker decides afterwards what to file and whether to mail. Timing is measured by
// `npm run bench:email-timing`; this test pins the "same work" that makes it constant.
describe('email-taking public routes do the same work for every address (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    // No background worker: the test runs its rounds, so "before the worker" is well defined.
    t = await createTestApp({ OUTBOX_WORKER: 'off' });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  const queued = async (): Promise<Array<{ channel: string }>> =>
    db.query(`SELECT channel FROM outbox_messages WHERE status = 'pending' ORDER BY id`);
  const mailsTo = async (email: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE to_address = $1`, [email]))[0].n;

  /** What one request leaves behind before the worker runs: the channels it queued, and the rows it filed. */
  async function workOf(request: () => Promise<{ statusCode: number; body: string }>): Promise<unknown> {
    await db.query(`DELETE FROM outbox_messages`);
    const before = (await db.query(`SELECT count(*)::int AS n FROM alert_subscriptions`))[0].n;
    const response = await request();
    const after = (await db.query(`SELECT count(*)::int AS n FROM alert_subscriptions`))[0].n;
    return { status: response.statusCode, body: response.body, queued: (await queued()).map((m) => m.channel), filed: after - before };
  }

  it('sign-up: a new address and one with an account get the same answer after the same work', async () => {
    const users = async (): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM users`))[0].n;
    const signup = (email: string) => async () => {
      const before = await users();
      const response = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { name: 'Carmen', email, password: 'una contraseña bastante larga', consent: true },
      });
      // Nothing is filed by the request itself, new address or not.
      expect(await users()).toBe(before);
      return response;
    };
    const same = { status: 202, body: JSON.stringify({ status: 'check_mail' }), queued: ['signup-request'], filed: 0 };

    expect(await workOf(signup('carmen@example.org'))).toEqual(same);
    await t.app.get(OutboxWorker).runOnce();
    expect(await mailsTo('carmen@example.org')).toBe(1);
    await db.query(`UPDATE users SET email_verified_at = now() WHERE email = 'carmen@example.org'`);

    // Taken: the same answer and the same single queued message; the owner gets one mail.
    expect(await workOf(signup('Carmen@Example.org'))).toEqual(same);
    await t.app.get(OutboxWorker).runOnce();
    expect(await mailsTo('carmen@example.org')).toBe(2);
    expect((await db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'carmen@example.org'`))[0].n).toBe(1);
  });

  it('alert subscriptions: new, pending and confirmed addresses get the same answer after the same work', async () => {
    const subscribe = (email: string) => () =>
      t.inject({ method: 'POST', url: '/api/v1/alerts', payload: { email, scope: 'area', area: '07', frequency: 'daily', consent: true } });
    const same = { status: 202, body: JSON.stringify({ status: 'confirmation_sent' }), queued: ['alert-subscription'], filed: 0 };

    // A new address.
    expect(await workOf(subscribe('nueva@example.org'))).toEqual(same);
    await t.app.get(OutboxWorker).runOnce();
    expect(await mailsTo('nueva@example.org')).toBe(1);

    // The same address while its confirmation is pending: a fresh link, after the same work.
    expect(await workOf(subscribe('nueva@example.org'))).toEqual(same);
    await t.app.get(OutboxWorker).runOnce();
    expect(await mailsTo('nueva@example.org')).toBe(2);

    // Confirmed: still the same answer and work; the worker then mails nothing.
    await db.query(`UPDATE alert_subscriptions SET confirmed_at = now() WHERE email = 'nueva@example.org'`);
    expect(await workOf(subscribe('nueva@example.org'))).toEqual(same);
    await t.app.get(OutboxWorker).runOnce();
    expect(await mailsTo('nueva@example.org')).toBe(2);
    expect((await db.query(`SELECT count(*)::int AS n FROM alert_subscriptions WHERE email = 'nueva@example.org'`))[0].n).toBe(1);
  });
});
