// Plaza as a fleet: two built API processes on different ports share one fresh PostgreSQL
// database, the local Redis (under a key prefix of their own), one S3-protocol server and one SMTP
// sink, all started here. What a load balancer in front of them relies on is proved end to end:
// migrations once, photos from either replica, shared rate limits, the console's live stream
// across replicas, the outbox delivering each message once, and one replica leaving gracefully.
// docs/operations.md#the-fleet-test says what this does not exercise.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import pg from 'pg';
import S3rver from 's3rver';
import sharp from 'sharp';
import { SMTPServer } from 'smtp-server';
import { freePort, startPlaza, workspaceRoot, type PlazaServer } from '@plaza/e2e/support';
import { createTestDatabase, type TestDatabase } from '@plaza/api/testing';

const DEMO_PASSWORD = 'demo-plaza-2026';
const MANAGER = 'gestora@demo.plaza.test';
/** Low enough to exhaust in a few requests, split between the replicas. */
const REPORTS_PER_IP_HOUR = 6;
/**
 * Each mail the sink accepts takes this long, and each replica delivers OUTBOX_CONCURRENCY of them
 * at once: one claim of 20 then lasts 20 / 2 × 600 ms = 6 s, longer than the workers' 5 s poll, so
 * the other replica's poll always finds messages left to claim while the first is still sending.
 */
const SMTP_DELAY_MS = 600;
const OUTBOX_CONCURRENCY = 2;
/** Per-address limits count the client's address: each scenario files from its own loopback one. */
const ADDRESS = { photo: '127.0.0.3', limits: '127.0.0.1', graceful: '127.0.0.2' } as const;

// A server database is what several processes can share; PGlite is one process's own.
const fleetPossible = Boolean(process.env['DATABASE_URL']) && process.env['TEST_DB'] !== 'embedded';
const describeFleet = fleetPossible ? describe : describe.skip;

interface Delivery {
  /** The envelope sender: each replica has its own MAIL_FROM, so it says who delivered. */
  from: string;
  to: string;
  at: number;
}

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T>(): T;
}

let database: TestDatabase | undefined;
let db: pg.Pool | undefined;
let redis: Redis | undefined;
let s3: S3rver | undefined;
let s3Directory: string | undefined;
let smtp: SMTPServer | undefined;
const replicas: PlazaServer[] = [];
const deliveries: Delivery[] = [];
const redisPrefix = `fleet-test-${randomUUID()}:`;
const openStreams: AbortController[] = [];

function replica(n: 1 | 2): PlazaServer {
  const server = replicas[n - 1];
  if (!server) throw new Error(`replica ${n} did not start`);
  return server;
}

function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  if (!db) throw new Error('no database');
  return db.query<T>(sql, values).then((result) => result.rows);
}

/** One HTTP request from a chosen loopback address (fetch cannot choose it). */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; from?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A multipart body exactly as a browser's FormData sends it. */
async function multipart(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  };
}

async function reportForm(email: string, photo?: Buffer): Promise<FormData> {
  const form = new FormData();
  for (const [field, value] of Object.entries({
    category: 'farola',
    title: 'Farola apagada en la plaza',
    description: 'Lleva tres noches apagada y la plaza queda a oscuras.',
    lat: '40.4169',
    lon: '-3.7035',
    'reporter[name]': 'Pablo',
    'reporter[email]': email,
    'reporter[showName]': 'false',
    consent: 'true',
  })) {
    form.set(field, value);
  }
  if (photo) form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'farola.jpg');
  return form;
}

async function fileReport(
  server: PlazaServer,
  from: string,
  email: string,
  photo?: Buffer,
): Promise<HttpAnswer> {
  const { body, contentType } = await multipart(await reportForm(email, photo));
  return request(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    from,
  });
}

async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function signIn(server: PlazaServer, email: string): Promise<{ cookie: string; csrf: string }> {
  const answer = await request(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (answer.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${answer.status} ${answer.body.toString()}`);
  const setCookie = answer.headers['set-cookie'] ?? [];
  const cookie = setCookie.map((line) => line.split(';')[0] ?? '').join('; ');
  return { cookie, csrf: answer.json<{ csrfToken: string }>().csrfToken };
}

/** The console's live stream, read as EventSource does: `case` events as they arrive. */
async function openCaseStream(server: PlazaServer, cookie: string) {
  const abort = new AbortController();
  openStreams.push(abort);
  const response = await fetch(`${server.baseUrl}/api/v1/staff/cases/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`stream refused: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ ref: string; kind: string; receivedAt: number }> = [];
  let connected = false;
  let ended = false;
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes(': connected')) connected = true;
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: case') && data)
          events.push({
            ...(JSON.parse(data.slice(6)) as { ref: string; kind: string }),
            receivedAt: Date.now(),
          });
      }
    }
  })()
    .catch(() => undefined)
    .finally(() => {
      ended = true;
    });
  await until('the stream to place its cursor', async () => connected, 10_000, 50);
  return { events, ended: () => ended };
}

/** Mails queued straight into the outbox, as any feature's transaction does. */
async function enqueueMails(batch: string, count: number): Promise<string[]> {
  const recipients = Array.from({ length: count }, (_, i) => `${batch}-${i}@fleet.test`);
  for (const to of recipients) {
    await query(
      `INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at)
       VALUES ('email', $1, $2::jsonb, now(), now())`,
      [
        `fleet:${to}`,
        JSON.stringify({
          to,
          subject: `Prueba ${to}`,
          text: 'Un mensaje de la prueba de réplicas.',
          locale: 'es',
        }),
      ],
    );
  }
  return recipients;
}

function deliveriesTo(recipients: string[]): Delivery[] {
  const wanted = new Set(recipients);
  return deliveries.filter((delivery) => wanted.has(delivery.to));
}

async function startSmtpSink(): Promise<number> {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        // Accepted only after the pause: the sender's lease is held meanwhile, as with a slow relay.
        setTimeout(() => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          for (const rcpt of session.envelope.rcptTo)
            deliveries.push({ from, to: rcpt.address, at: Date.now() });
          callback();
        }, SMTP_DELAY_MS);
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', () => resolve()));
  return port;
}

describeFleet('two API replicas on one database, Redis, bucket and SMTP relay', () => {
  let migrationFiles = 0;

  beforeAll(async () => {
    migrationFiles = readdirSync(path.join(workspaceRoot, 'libs/api/database/src/migrations')).filter(
      (file) => /^\d{13}-.+\.ts$/.test(file),
    ).length;
    database = await createTestDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    await redis.connect();

    s3Directory = await mkdtemp(path.join(os.tmpdir(), 'plaza-fleet-s3-'));
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3Directory,
      configureBuckets: [{ name: 'fleet-photos' }],
    });
    const { port: s3Port } = await s3.run();
    const smtpPort = await startSmtpSink();

    const shared = {
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: redisPrefix,
      STORAGE_URL: `s3://fleet-photos/photos?endpoint=${encodeURIComponent(`http://127.0.0.1:${s3Port}`)}&region=us-east-1`,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // Deliveries in parallel on both replicas (pooled SMTP connections), as in production.
      OUTBOX_CONCURRENCY: String(OUTBOX_CONCURRENCY),
      APP_SECRET: 'fleet-test-secret-shared-by-every-replica-0123456789',
      ABUSE_REPORTS_PER_IP_HOUR: String(REPORTS_PER_IP_HOUR),
    };
    // Both boot at the same moment on the empty database: both find every migration pending.
    const booted = await Promise.allSettled(
      ([1, 2] as const).map((n) =>
        startPlaza({
          databaseUrl: database!.url,
          env: { ...shared, MAIL_FROM: `Plaza ${n} <replica${n}@fleet.test>` },
        }),
      ),
    );
    for (const result of booted) if (result.status === 'fulfilled') replicas.push(result.value);
    const failed = booted.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 180_000);

  afterAll(async () => {
    for (const abort of openStreams) abort.abort();
    await Promise.all(replicas.map((server) => server.stop().catch(() => undefined)));
    await db?.end().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    if (redis) {
      const keys = await redis.keys(`${redisPrefix}*`).catch(() => [] as string[]);
      if (keys.length) await redis.del(...keys).catch(() => undefined);
      redis.disconnect();
    }
    if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
    await s3?.close().catch(() => undefined);
    if (s3Directory) await rm(s3Directory, { recursive: true, force: true });
  }, 60_000);

  it('runs each migration once when both boot together, and neither crashes', async () => {
    const rows = await query<{ name: string; runs: number }>(
      `SELECT name, count(*)::int AS runs FROM migrations GROUP BY name`,
    );
    expect(rows.length).toBe(migrationFiles);
    expect(rows.filter((row) => row.runs !== 1)).toEqual([]);
    for (const n of [1, 2] as const) {
      const ready = await request(`${replica(n).baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
    }
  });

  it('serves from replica 2 a photo uploaded through replica 1', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a6f3c' } })
      .jpeg()
      .toBuffer();
    const filed = await fileReport(replica(1), ADDRESS.photo, 'foto@fleet.test', photo);
    expect(filed.status).toBe(201);
    // The answer says the photo is pending: it is processed afterwards, by whichever replica's
    // worker leases it (docs/decisions/0011-photo-processing-queue.md). Wait (bounded) until it is
    // ready, then ask replica 2 for the processed photo.
    const [upload] = filed.json<{ photoUploads?: Array<{ id: string; state: string }> }>().photoUploads ?? [];
    expect(upload).toMatchObject({ state: 'pending' });
    const served = await until(
      'the photo on replica 2',
      async () => {
        const [row] = await query<{ storage_key: string }>(`SELECT storage_key FROM report_photos WHERE id = $1 AND state = 'ready'`, [upload!.id]);
        if (!row) return null;
        const answer = await request(`${replica(2).baseUrl}/api/v1/media/${row.storage_key}`);
        return answer.status === 200 ? answer : null;
      },
      30_000,
      250,
    );
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(served.body).metadata()).format).toBe('jpeg');
  });

  it('shares the per-address filing limit: the limit is reached half through each replica', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < REPORTS_PER_IP_HOUR; i++) {
      const answer = await fileReport(replica(i % 2 === 0 ? 1 : 2), ADDRESS.limits, `limite-${i}@fleet.test`);
      statuses.push(answer.status);
    }
    expect(statuses).toEqual(Array(REPORTS_PER_IP_HOUR).fill(201));
    // Separate counters would have let each replica take REPORTS_PER_IP_HOUR on its own.
    for (const n of [1, 2] as const) {
      const refused = await fileReport(replica(n), ADDRESS.limits, `limite-extra-${n}@fleet.test`);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('announces on the console stream of replica 1 a change made through replica 2', async () => {
    const onOne = await signIn(replica(1), MANAGER);
    const stream = await openCaseStream(replica(1), onOne.cookie);
    // The same session works on either replica: sessions live in the database.
    const inbox = await request(`${replica(2).baseUrl}/api/v1/staff/cases?queue=all`, {
      headers: { cookie: onOne.cookie },
    });
    expect(inbox.status).toBe(200);
    const [target] = inbox.json<{ items: Array<{ ref: string; priority: string }> }>().items;
    if (!target) throw new Error('the demo city has no case');
    const priority = target.priority === 'urgent' ? 'low' : 'urgent';
    const changedAt = Date.now();
    const moved = await request(`${replica(2).baseUrl}/api/v1/staff/cases/${target.ref}/priority`, {
      method: 'POST',
      headers: { cookie: onOne.cookie, 'x-csrf-token': onOne.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ priority }),
    });
    expect(moved.status).toBe(200);
    const heard = await until(
      'the change on replica 1’s stream',
      async () => stream.events.find((event) => event.ref === target.ref),
      5_000,
      50,
    );
    expect(heard.receivedAt - changedAt).toBeLessThan(5_000);
  });

  it('delivers each outbox message exactly once with both workers running', async () => {
    const recipients = await enqueueMails('once', 30);
    await until(
      'every message sent',
      async () =>
        (
          await query<{ left: number }>(
            `SELECT count(*)::int AS left FROM outbox_messages WHERE dedupe_key LIKE 'fleet:once-%' AND status <> 'sent'`,
          )
        )[0]?.left === 0,
      60_000,
      250,
    );
    // A late duplicate would arrive within one more delivery time.
    await new Promise((resolve) => setTimeout(resolve, SMTP_DELAY_MS * 3));
    const got = deliveriesTo(recipients);
    expect(got.map((delivery) => delivery.to).sort()).toEqual([...recipients].sort());
    // A batch takes longer than a poll: both workers took part, neither took the other's messages.
    expect(new Set(got.map((delivery) => delivery.from))).toEqual(
      new Set(['replica1@fleet.test', 'replica2@fleet.test']),
    );
  });

  it('logged no error on either replica', () => {
    // pino levels: 50 error, 60 fatal. A replica that copes with the other's work by failing
    // (a lost race, a refused lease) says so here even when the outcome looked right.
    for (const n of [1, 2] as const) {
      const errors = replica(n)
        .logTail()
        .split('\n')
        .filter((line) => /"level":(50|60)\b/.test(line));
      expect(errors).toEqual([]);
    }
  });

  it('stops replica 1 gracefully: its request in flight completes, its lease is handed back, replica 2 serves on', async () => {
    const recipients = await enqueueMails('stop', 30);
    // Which lease each queued message is under, as the workers claim them (the lease id is per batch).
    const leaseOf = new Map<string, string>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = await query<{ to: string; lease_id: string }>(
          `SELECT substring(dedupe_key from 7) AS to, lease_id::text FROM outbox_messages
            WHERE dedupe_key LIKE 'fleet:stop-%' AND status = 'pending' AND lease_id IS NOT NULL`,
        );
        for (const row of rows) leaseOf.set(row.to, row.lease_id);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })().catch(() => undefined);
    // Replica 2 is asked for pages all along.
    const servedByTwo: number[] = [];
    let probing = false;
    let prober: Promise<void> = Promise.resolve();
    let upload: http.ClientRequest | undefined;
    try {
      const replicaOneLeases = () =>
        new Set(
          deliveriesTo(recipients)
            .filter((d) => d.from === 'replica1@fleet.test')
            .flatMap((d) => leaseOf.get(d.to) ?? []),
        );
      const delivered = () => new Set(deliveriesTo(recipients).map((d) => d.to));
      // Replica 1 is delivering a batch and still holds messages it has not sent.
      const heldByOne = await until(
        'replica 1 holding undelivered messages',
        async () => {
          const leases = replicaOneLeases();
          const done = delivered();
          const held = recipients.filter((to) => !done.has(to) && leases.has(leaseOf.get(to) ?? ''));
          return held.length >= 2 ? held : null;
        },
        30_000,
        25,
      );
      const leasesAtStop = replicaOneLeases();

      // A report with a photo, its body only half sent when the signal arrives.
      const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6f2a3c' } })
        .jpeg()
        .toBuffer();
      const { body, contentType } = await multipart(await reportForm('despedida@fleet.test', photo));
      const uploaded = new Promise<number>((resolve, reject) => {
        upload = http.request(
          `${replica(1).baseUrl}/api/v1/reports`,
          {
            method: 'POST',
            headers: { 'content-type': contentType, 'content-length': String(body.length) },
            localAddress: ADDRESS.graceful,
            agent: false,
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        upload.on('error', reject);
      });
      const half = Math.floor(body.length / 2);
      upload!.write(body.subarray(0, half));
      await new Promise((resolve) => setTimeout(resolve, 300));

      probing = true;
      prober = (async () => {
        while (probing) {
          servedByTwo.push(
            (await request(`${replica(2).baseUrl}/health/ready`).catch(() => ({ status: 0 }))).status,
          );
          servedByTwo.push(
            (await request(`${replica(2).baseUrl}/api/v1/categories`).catch(() => ({ status: 0 }))).status,
          );
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();

      const stoppedAt = Date.now();
      process.kill(replica(1).pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      upload!.end(body.subarray(half));
      expect(await uploaded).toBe(201);

      let exitTimer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        replica(1).exited,
        new Promise<never>((_, reject) => {
          exitTimer = setTimeout(
            () => reject(new Error(`replica 1 did not exit:\n${replica(1).logTail()}`)),
            30_000,
          );
        }),
      ]).finally(() => clearTimeout(exitTimer));
      expect(exit).toEqual({ code: 0, signal: null });
      // Handed back: nothing is left under replica 1's leases for its 5-minute lease to run out.
      const stillLeased = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE lease_id = ANY($1::uuid[]) AND status = 'pending'`,
        [[...leasesAtStop]],
      );
      expect(stillLeased[0]?.n).toBe(0);

      // Everything is delivered, once, promptly: replica 2 took over what replica 1 held.
      await until('every message delivered', async () => delivered().size === recipients.length, 30_000, 100);
      probing = false;
      await prober;
      const got = deliveriesTo(recipients);
      expect(got).toHaveLength(recipients.length);
      const takenOver = got.filter((d) => heldByOne.includes(d.to) && d.from === 'replica2@fleet.test');
      expect(takenOver.length).toBeGreaterThan(0);
      expect(
        got
          .filter((d) => heldByOne.includes(d.to))
          .every((d) => d.from === 'replica2@fleet.test' || d.at < stoppedAt + 5_000),
      ).toBe(true);
      expect(Math.max(...takenOver.map((d) => d.at)) - stoppedAt).toBeLessThan(30_000);
      expect(servedByTwo.length).toBeGreaterThan(4);
      expect(servedByTwo.filter((status) => status !== 200)).toEqual([]);
    } finally {
      watching = false;
      probing = false;
      upload?.destroy();
      await Promise.all([watcher, prober.catch(() => undefined)]);
    }
  }, 120_000);
});
