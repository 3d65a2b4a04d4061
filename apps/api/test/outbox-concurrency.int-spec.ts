import { Outbox, OutboxChannels, OutboxClock, OutboxWorker, OUTBOX_PRIORITY, type OutboxDelivery } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

const HOUR = 3_600_000;

/**
 * Parallel delivery: several workers (as several replicas would run) on one database, each with
 * several deliveries in flight, deliver every message exactly once, in priority order, and a
 * failing message waits for its retry without holding the others back.
 */
describe('outbox: concurrent delivery (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let outbox: Outbox;
  let now = new Date('2026-05-04T09:00:00Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  /** Every delivery the channel was asked to make: message id, which worker, when it started. */
  const deliveries: Array<{ id: string; worker: string; payload: Record<string, unknown> }> = [];
  /** Recipients in the order their deliveries started. */
  const started: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  /** Deliveries in flight per recipient, and the most ever seen for one recipient. */
  const perRecipient = new Map<string, number>();
  let mostForOneRecipient = 0;
  let failFor = new Set<string>();
  let deliveryMs = 2;

  /** Another API process: its own worker on the same database and clock, delivering `concurrency` at once. */
  const replicaWorker = (name: string, concurrency: number) => {
    const channels = new OutboxChannels();
    channels.register({
      channel: 'parallel-test',
      recipientOf: (payload) => (typeof payload['to'] === 'string' ? payload['to'] : null),
      deliver: async (payload: Record<string, unknown>, delivery: OutboxDelivery) => {
        const to = String(payload['to']);
        started.push(to);
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
        mostForOneRecipient = Math.max(mostForOneRecipient, perRecipient.get(to)!);
        try {
          await new Promise((resolve) => setTimeout(resolve, deliveryMs));
          if (failFor.has(String(payload['to']))) throw new Error('mailbox temporarily unavailable');
          deliveries.push({ id: delivery.id, worker: name, payload });
          return `${name}:${delivery.attempt}`;
        } finally {
          inFlight -= 1;
          perRecipient.set(to, perRecipient.get(to)! - 1);
        }
      },
    });
    return OutboxWorker.create(db, channels, t.app.get(OutboxClock), { retryWindowMs: 48 * HOUR, concurrency });
  };

  const enqueue = (prefix: string, count: number, priority: number = OUTBOX_PRIORITY.bulk, to = (i: number) => `${prefix}-${i}@example.test`) =>
    db.transaction(async (manager) => {
      for (let i = 0; i < count; i += 1) {
        await outbox.enqueue(manager, { channel: 'parallel-test', dedupeKey: `${prefix}:${i}`, payload: { to: to(i), n: i }, priority });
      }
    });
  const statuses = async (prefix: string) =>
    db.query<Array<{ status: string; n: number }>>(
      `SELECT status, count(*)::int AS n FROM outbox_messages WHERE dedupe_key LIKE $1 GROUP BY status ORDER BY status`,
      [`${prefix}:%`],
    );

  beforeAll(async () => {
    // The app's own worker stays off: the workers here are driven with runOnce.
    t = await createTestApp({ OUTBOX_WORKER: 'false', OUTBOX_CONCURRENCY: '4' });
    db = t.app.get(DataSource);
    outbox = t.app.get(Outbox);
    t.app.get(OutboxClock).now = () => new Date(now);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    deliveries.length = 0;
    started.length = 0;
    mostInFlight = 0;
    mostForOneRecipient = 0;
    failFor = new Set();
    deliveryMs = 2;
  });

  it('delivers every message exactly once with two workers, each with several deliveries in flight', async () => {
    await enqueue('pair', 300);
    const first = replicaWorker('first', 6);
    const second = replicaWorker('second', 6);
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);

    expect(a + b).toBe(300);
    const ids = deliveries.map((d) => d.id);
    expect(new Set(ids).size).toBe(300);
    expect(ids).toHaveLength(300);
    // Both took part, and deliveries overlapped (never more than both workers' slots together).
    expect(new Set(deliveries.map((d) => d.worker))).toEqual(new Set(['first', 'second']));
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(12);
    expect(await statuses('pair')).toEqual([{ status: 'sent', n: 300 }]);
    // Each was attempted once, recorded with its result, its content dropped, its lease cleared.
    const rows = await db.query(
      `SELECT DISTINCT attempts, payload, lease_id, locked_until, sent_at IS NOT NULL AS stamped FROM outbox_messages WHERE dedupe_key LIKE 'pair:%'`,
    );
    expect(rows).toEqual([{ attempts: 1, payload: {}, lease_id: null, locked_until: null, stamped: true }]);
    expect(await first.runOnce()).toBe(0);
  });

  it('retries a failing message with backoff while the others go on, then delivers it once', async () => {
    await enqueue('flaky', 40);
    failFor = new Set(['flaky-7@example.test']);
    const worker = replicaWorker('only', 4);
    expect(await worker.runOnce()).toBe(40);
    expect(await statuses('flaky')).toEqual([
      { status: 'pending', n: 1 },
      { status: 'sent', n: 39 },
    ]);
    const [waiting] = await db.query(`SELECT attempts, last_error, next_attempt_at, lease_id FROM outbox_messages WHERE dedupe_key = 'flaky:7'`);
    expect(waiting).toMatchObject({ attempts: 1, last_error: 'mailbox temporarily unavailable', lease_id: null });
    const wait = new Date(waiting.next_attempt_at).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(15_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    // Not due yet: nothing to do.
    expect(await worker.runOnce()).toBe(0);

    failFor = new Set();
    advance(wait);
    expect(await worker.runOnce()).toBe(1);
    expect(await statuses('flaky')).toEqual([{ status: 'sent', n: 40 }]);
    expect(deliveries.filter((d) => d.payload['to'] === 'flaky-7@example.test')).toHaveLength(1);
    expect(deliveries).toHaveLength(40);
  });

  it('delivers higher priorities first within what it claims', async () => {
    await enqueue('order-bulk', 30, OUTBOX_PRIORITY.bulk);
    await enqueue('order-normal', 5, OUTBOX_PRIORITY.normal);
    await enqueue('order-urgent', 3, OUTBOX_PRIORITY.urgent);
    const worker = replicaWorker('only', 2);
    expect(await worker.runOnce()).toBe(38);
    // In the order they started: the queue hands out the highest priority first.
    const kinds = started.map((to) => to.split('-')[1]);
    expect(kinds.slice(0, 3)).toEqual(['urgent', 'urgent', 'urgent']);
    expect(kinds.slice(3, 8)).toEqual(Array(5).fill('normal'));
    expect(new Set(kinds.slice(8))).toEqual(new Set(['bulk']));
  });

  it('never delivers two messages for one recipient at the same time', async () => {
    await enqueue('same', 12, OUTBOX_PRIORITY.bulk, (i) => (i % 2 === 0 ? 'same-person@example.test' : `same-other-${i}@example.test`));
    const worker = replicaWorker('only', 4);
    deliveryMs = 5;
    expect(await worker.runOnce()).toBe(12);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostForOneRecipient).toBe(1);
    const person = deliveries.filter((d) => d.payload['to'] === 'same-person@example.test').map((d) => d.payload['n']);
    expect([...person].sort()).toEqual([0, 10, 2, 4, 6, 8]);
  });

  it('lets a sign-in link committed during a backlog overtake it (the app worker, woken by the commit)', async () => {
    const received: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    t.app.get(OutboxChannels).register({
      channel: 'wake-test',
      deliver: async (payload) => {
        // The first bulk delivery waits until the urgent one is committed, so the backlog is surely in progress.
        if (received.length === 0 && payload['kind'] === 'bulk') await firstHeld;
        await new Promise((resolve) => setTimeout(resolve, 2));
        received.push(String(payload['kind']));
      },
    });
    await db.transaction(async (manager) => {
      for (let i = 0; i < 400; i += 1) {
        await outbox.enqueue(manager, { channel: 'wake-test', dedupeKey: `wake-bulk:${i}`, payload: { kind: 'bulk' }, priority: OUTBOX_PRIORITY.bulk });
      }
    });
    const worker = t.app.get(OutboxWorker);
    worker.start();
    try {
      while ((await db.query(`SELECT 1 FROM outbox_messages WHERE dedupe_key LIKE 'wake-bulk:%' AND lease_id IS NOT NULL LIMIT 1`)).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await db.transaction((manager) =>
        outbox.enqueue(manager, { channel: 'wake-test', dedupeKey: 'wake-urgent', payload: { kind: 'urgent' }, priority: OUTBOX_PRIORITY.urgent }),
      );
      // The commit woke the worker mid-round: it claims the link while its slots are still busy.
      while ((await db.query(`SELECT 1 FROM outbox_messages WHERE dedupe_key = 'wake-urgent' AND lease_id IS NOT NULL`)).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      releaseFirst();
      while (!received.includes('urgent')) await new Promise((resolve) => setTimeout(resolve, 10));
      // Ahead of the backlog: only what was already in flight (4 slots) went before it.
      expect(received.indexOf('urgent')).toBeLessThanOrEqual(4);
      while ((await statuses('wake-bulk')).some((s) => s.status !== 'sent')) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received.filter((kind) => kind === 'bulk')).toHaveLength(400);
    } finally {
      await worker.stop();
    }
  });

  it('hands back what it has not started when stopped mid-backlog, attempt undone', async () => {
    await enqueue('stop', 200);
    deliveryMs = 20;
    const worker = replicaWorker('stopping', 4);
    worker.start();
    while (deliveries.length < 8) await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.stop();
    const delivered = deliveries.length;
    const rows = await db.query<Array<{ status: string; attempts: number; leased: boolean; n: number }>>(
      `SELECT status, attempts, lease_id IS NOT NULL AS leased, count(*)::int AS n FROM outbox_messages
        WHERE dedupe_key LIKE 'stop:%' GROUP BY 1, 2, 3 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { status: 'pending', attempts: 0, leased: false, n: 200 - delivered },
      { status: 'sent', attempts: 1, leased: false, n: delivered },
    ]);
    // Another worker delivers the rest, each once.
    expect(await replicaWorker('after', 4).runOnce()).toBe(200 - delivered);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(200);
  });
});
