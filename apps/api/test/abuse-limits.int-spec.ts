import { randomBytes, randomUUID } from 'node:crypto';
import { solveChallenge } from '@plaza/api/abuse';
import { OutboxChannels, OutboxRepository, OutboxWorker } from '@plaza/api/outbox';
import { ConfirmationExpiryJob, IdempotencyPurgeJob } from '@plaza/api/reports';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { citizenReport, expectProblem } from './cases-fixtures';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';
import { confirmReport } from './report-confirmation';
import { DEMO, seedAccounts } from './sessions';

// Redis DB 1 and a unique prefix: other suites and helpers share this Redis.
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/1';

type Headers = Record<string, string>;

const file = (t: TestApp, overrides: Record<string, unknown> = {}, headers: Headers = {}) =>
  t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport(overrides), headers });

/** A challenge from the API, solved as the browser would. */
async function solved(t: TestApp): Promise<Headers> {
  const challenge = await t.inject({ method: 'GET', url: '/api/v1/challenge' });
  expect(challenge.statusCode).toBe(200);
  expect(challenge.headers['cache-control']).toBe('no-store');
  const proof = solveChallenge(challenge.json());
  if (!proof) throw new Error('unsolvable challenge');
  return { 'plaza-challenge': proof };
}

function expectChallengeRequired(response: TestResponse): void {
  expectProblem(response, 428);
  expect(response.json()).toMatchObject({ code: 'ABUSE.CHALLENGE_REQUIRED', type: 'urn:plaza:problem:abuse-challenge-required' });
}

function expectRateLimited(response: TestResponse): void {
  expectProblem(response, 429);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

// Finding 1 of issue 12: one address filed 1,639 reports in 30 s and one mailbox got 1,643 mails.
describe('limits on anonymous filing and mail-sending routes (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  const mailsTo = (email: string): Promise<Array<{ subject: string; text: string }>> =>
    db.query(`SELECT subject, text_body AS text FROM mail_messages WHERE to_address = $1 ORDER BY created_at`, [email]);

  beforeAll(async () => {
    t = await createTestApp({
      ABUSE_CHALLENGE_AFTER: '2',
      ABUSE_REPORTS_PER_IP_HOUR: '6',
      ABUSE_REPORTS_PER_EMAIL_HOUR: '4',
      ABUSE_PENDING_CONFIRMATIONS_MAX: '2',
      ABUSE_CHALLENGE_MAX_NUMBER: '2000',
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks a busy client for a proof of work, caps pending confirmation mails, then refuses with 429 and Retry-After', async () => {
    const ana = { reporter: { name: 'Ana', email: 'ana@example.org', showName: false } };
    expect((await file(t, ana)).statusCode).toBe(201);
    expect((await file(t, ana)).statusCode).toBe(201);
    expect(await mailsTo('ana@example.org')).toHaveLength(2);

    // Past the gentle threshold: 428 until the request carries a solved challenge, used once.
    const asked = await file(t, ana);
    expectChallengeRequired(asked);
    expectChallengeRequired(await file(t, ana, { 'plaza-challenge': 'bm90IGEgc29sdXRpb24=' }));
    const proof = await solved(t);
    const third = await file(t, ana, proof);
    expect(third.statusCode).toBe(201);
    expectChallengeRequired(await file(t, ana, proof));

    // The third report of that address is accepted but mails nothing: two links are pending.
    expect(third.json().awaitingConfirmation).toBe(true);
    expect(await mailsTo('ana@example.org')).toHaveLength(2);

    // Confirming one pending report sends one digest with a fresh link for the held one.
    const [first] = await mailsTo('ana@example.org');
    const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(first!.text)![1]!;
    expect((await confirmReport(t, token)).statusCode).toBe(200);
    const mails = await mailsTo('ana@example.org');
    expect(mails).toHaveLength(3);
    // One held report: the plural form of one, not "tus otros 1 avisos".
    expect(mails[2]!.subject).toBe('Confirma tu otro aviso');
    const heldRef: string = third.json().properties.ref;
    const digestToken = new RegExp(`${heldRef}[^\\n]*/confirm/([A-Za-z0-9_-]{43})`).exec(mails[2]!.text)?.[1];
    expect(digestToken).toBeDefined();
    const confirmed = await confirmReport(t, digestToken!);
    expect(confirmed.json()).toMatchObject({ ref: heldRef, alreadyConfirmed: false });

    // Per email address: the fifth report for Ana within the hour is refused.
    expect((await file(t, ana, await solved(t))).statusCode).toBe(201);
    expectRateLimited(await file(t, ana, await solved(t)));

    // Per client address: six anonymous reports an hour, whichever addresses they name.
    const ben = { reporter: { name: 'Ben', email: 'ben@example.org', showName: false } };
    expect((await file(t, ben, await solved(t))).statusCode).toBe(201);
    const refused = await file(t, ben, await solved(t));
    expectRateLimited(refused);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect(refused.json().code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('puts the same gate in front of the sign-in link, sign-up and alert forms', async () => {
    // This client is well past the threshold after the test above: every mail route asks for work.
    expectChallengeRequired(await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: 'x@example.org' } }));
    const signup = { name: 'Eva', email: 'eva@example.org', password: 'una clave bastante larga', consent: true };
    expectChallengeRequired(await t.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signup }));
    const alert = { email: 'eva@example.org', scope: 'area', area: 'chamberi', frequency: 'daily', consent: true };
    expectChallengeRequired(await t.inject({ method: 'POST', url: '/api/v1/alerts', payload: alert }));

    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: 'x@example.org' }, headers: await solved(t) })).statusCode).toBe(202);
    // Bad input is still a 422 before any work is asked for.
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/alerts', payload: {} }), 422);
  });
});

// Shared limits: two API replicas on one Redis count together.
describe('abuse limits shared through Redis (integration)', () => {
  const prefix = `plaza-test:abuse:${process.pid}:${randomBytes(4).toString('hex')}:`;
  // One APP_SECRET, as replicas of one deployment share (here each app has its own database).
  const env = { REDIS_URL, REDIS_PREFIX: prefix, APP_SECRET: randomBytes(32).toString('hex'), ABUSE_CHALLENGE_AFTER: '4', ABUSE_REPORTS_PER_IP_HOUR: '3' };
  let one: TestApp;
  let two: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    [one, two] = [await createTestApp(env), await createTestApp(env)];
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis?.keys(`${prefix}*`);
    if (keys?.length) await redis.del(...keys);
    await redis?.quit();
    await one?.close();
    await two?.close();
  });

  it('refuses the fourth report of the hour on whichever replica it reaches, and spends a challenge once on all', async () => {
    expect((await file(one)).statusCode).toBe(201);
    expect((await file(two)).statusCode).toBe(201);
    expect((await file(one)).statusCode).toBe(201);
    expectRateLimited(await file(two));
    const keys = await redis.keys(`${prefix}rl:*`);
    expect(keys.join(' ')).not.toMatch(/127\.0\.0\.1|lucia|example/);

    // Four requests passed the gate on the two replicas together: the fifth needs a proof of work,
    // and a solution spent on one replica is spent on both.
    const ask = (app: TestApp, headers: Headers = {}) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: 'a@example.org' }, headers });
    expectChallengeRequired(await ask(two));
    const proof = await solved(one);
    expect((await ask(two, proof)).statusCode).toBe(202);
    expectChallengeRequired(await ask(one, proof));
    expect(await redis.keys(`${prefix}pow:*`)).toHaveLength(1);
  });
});

// Finding 2: keys were global and never purged, and a key whose report expired answered 500 forever.
describe('Idempotency-Key scope, TTL and expired reports (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ IDEMPOTENCY_KEY_TTL_HOURS: '24' });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('files anew when the key’s unconfirmed report expired, instead of a 500', async () => {
    const key = { 'idempotency-key': 'walk-1', 'user-agent': 'phone A' };
    const first = await file(t, {}, key);
    expect(first.statusCode).toBe(201);
    const replay = await file(t, {}, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    await db.query(`UPDATE reports SET confirmation_expires_at = now() - interval '1 minute' WHERE ref = $1`, [first.json().properties.ref]);
    expect(await t.app.get(ConfirmationExpiryJob).run()).toBe(1);
    const again = await file(t, {}, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().properties.ref).not.toBe(first.json().properties.ref);
  });

  it('answers 409 problem+json when the key’s report was removed otherwise', async () => {
    const key = { 'idempotency-key': 'walk-2', 'user-agent': 'phone A' };
    const first = await file(t, {}, key);
    await db.query(`DELETE FROM reports WHERE ref = $1`, [first.json().properties.ref]);
    const gone = await file(t, {}, key);
    expectProblem(gone, 409, 'Idempotency-Key');
    expect(gone.json().code).toBe('IDEMPOTENCY.REPORT_GONE');
  });

  it('never hands one caller’s report to another who sends the same key and body', async () => {
    const mine = await file(t, {}, { 'idempotency-key': 'shared-key', 'user-agent': 'phone A' });
    const theirs = await file(t, {}, { 'idempotency-key': 'shared-key', 'user-agent': 'phone B' });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().properties.ref).not.toBe(mine.json().properties.ref);
  });

  it('forgets keys after their TTL: claimable afresh, and purged by the scheduled job', async () => {
    const key = { 'idempotency-key': 'old-key', 'user-agent': 'phone A' };
    const first = await file(t, {}, key);
    await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key'`);
    const later = await file(t, { title: 'Otra cosa distinta' }, key);
    expect(later.statusCode).toBe(201);
    expect(later.json().properties.ref).not.toBe(first.json().properties.ref);

    await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours'`);
    expect(await t.app.get(IdempotencyPurgeJob).run()).toBeGreaterThan(0);
    expect(await db.query(`SELECT 1 FROM idempotency_keys`)).toHaveLength(0);
  });
});

// Finding 9: a known address took 6–8 ms to answer, an unknown one 3 ms.
describe('constant-time sign-in link requests and mail priorities (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let worker: OutboxWorker;

  beforeAll(async () => {
    // The worker is driven by hand; SMTP is configured so mail waits in the outbox as in production.
    t = await createTestApp({ OUTBOX_WORKER: 'false', SMTP_URL: 'smtp://127.0.0.1:9' });
    db = t.app.get(DataSource);
    worker = t.app.get(OutboxWorker);
    await seedAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does the same work for a known and an unknown address: one queued request, decided later', async () => {
    const rows = async () => db.query(`SELECT channel, priority FROM outbox_messages ORDER BY created_at, id`);
    const tokens = async () => (await db.query(`SELECT count(*)::int AS n FROM email_link_tokens`))[0].n;
    const before = await tokens();
    for (const email of [DEMO.citizen, 'nadie@example.org']) {
      const response = await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email } });
      expect(response.statusCode).toBe(202);
    }
    expect(await rows()).toEqual([
      { channel: 'sign-in-link', priority: 10 },
      { channel: 'sign-in-link', priority: 10 },
    ]);
    expect(await tokens()).toBe(before);
    // The worker decides: a link (and its mail) for the account, nothing for the stranger.
    expect(await worker.runOnce()).toBe(2);
    expect(await tokens()).toBe(before + 1);
    const mails = await db.query(`SELECT payload->>'to' AS "to", priority FROM outbox_messages WHERE channel = 'email'`);
    expect(mails).toEqual([{ to: DEMO.citizen, priority: 10 }]);
    await db.query(`DELETE FROM outbox_messages`);
  });

  it('delivers a sign-in link before thousands of pending confirmations', async () => {
    await db.query(
      `INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
       SELECT 'email', 'bulk-' || n, jsonb_build_object('to', 'flood' || n || '@example.org', 'subject', 'Confirma', 'text', 'x', 'locale', 'es'),
              now() - interval '1 hour', now() - interval '1 hour', 0
         FROM generate_series(1, 3000) AS n`,
    );
    const asked = await t.inject({ method: 'POST', url: '/api/v1/auth/email-link', payload: { email: DEMO.manager } });
    expect(asked.statusCode).toBe(202);
    const repository = t.app.get(OutboxRepository);
    const claim = async () => (await repository.claim(new Date(), new Date(Date.now() + 60_000), randomUUID(), 20))[0]!;
    // The worker's first claim takes the request, its second the link's mail, ahead of all 3,000.
    const request = await claim();
    expect([request.channel, request.payload]).toEqual(['sign-in-link', { email: DEMO.manager, next: '/' }]);
    await t.app.get(OutboxChannels).get('sign-in-link')!.deliver(request.payload, { id: request.id, attempt: 1, dedupeKey: request.dedupe_key });
    const link = await claim();
    expect(link).toMatchObject({ channel: 'email', payload: { to: DEMO.manager, subject: 'Tu enlace para entrar en Plaza' } });
  });
});
