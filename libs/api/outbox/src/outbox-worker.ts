import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, DEFAULT_OUTBOX_CONCURRENCY, type AppConfig } from '@plaza/api/config';
import type { DataSource } from 'typeorm';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { DeliveryQueue } from './delivery-queue';
import { OutboxChannels } from './outbox-channels';
import { OutboxClock } from './outbox-clock';
import { OutboxSignal } from './outbox-signal';
import { OutboxRepository, type ClaimedMessage } from './outbox.repository';
import { PermanentDeliveryError } from './outbox.types';
import { SentRecorder } from './sent-recorder';

export interface OutboxWorkerSettings {
  /** How long a claimed message is reserved for its worker; longer than any delivery can take. */
  leaseMs: number;
  /** Deliveries in flight at once (OUTBOX_CONCURRENCY). */
  concurrency: number;
  /** Most messages one claim takes; the worker holds at most this many waiting to start. */
  batchSize: number;
  /** Poll interval when nothing wakes the worker. */
  pollMs: number;
  /** After this long since it was written, a message that still fails is marked failed. */
  retryWindowMs: number;
  backoff: BackoffPolicy;
}

/**
 * A claim takes four deliveries' worth per slot (at least 20): enough that the slots never wait for
 * a claim, few enough that one replica does not hoard what the others could be delivering.
 */
export function batchSizeFor(concurrency: number): number {
  return Math.max(20, 4 * concurrency);
}

export const DEFAULT_WORKER_SETTINGS: Omit<OutboxWorkerSettings, 'retryWindowMs'> = {
  leaseMs: 5 * 60_000,
  concurrency: DEFAULT_OUTBOX_CONCURRENCY,
  batchSize: batchSizeFor(DEFAULT_OUTBOX_CONCURRENCY),
  pollMs: 5_000,
  backoff: DEFAULT_BACKOFF,
};

type Outcome = { ok: true; result: string | null } | { ok: false; error: string; permanent: boolean };
/** A claimed message, with the lease it was claimed under and its DeliveryQueue key. */
type Claimed = ClaimedMessage & { leaseId: string; key: string };
/** One claim's lease: its messages are renewed together. */
interface Lease {
  id: string;
  lockedUntil: number;
}

/**
 * Delivers outbox messages, several at once. Claims are single statements (row locks with SKIP
 * LOCKED plus a lease, so replicas never take the same message); deliveries run outside any
 * transaction, up to `concurrency` at a time; sent ones are recorded in batches and failures one
 * by one, every outcome fenced by its lease id so a worker that lost its lease (it stalled,
 * another took over) cannot overwrite the newer outcome. At-least-once: a crash between a
 * delivery and its record means the message is delivered again once its lease runs out.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxWorker');
  private readonly settings: OutboxWorkerSettings;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private started = false;
  /** Set by stop(): the round in progress hands back what it has not started delivering. */
  private stopping = false;
  /** Set by a wake-up during a round: claim at once, whatever the queue holds. */
  private claimNow = false;
  /** Ends the round's wait for a free slot (a wake-up, stop()). */
  private interrupt: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly messages: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly clock: OutboxClock,
    private readonly signal: OutboxSignal,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'outbox'>,
  ) {
    const concurrency = config.outbox.concurrency;
    this.settings = { ...DEFAULT_WORKER_SETTINGS, concurrency, batchSize: batchSizeFor(concurrency), retryWindowMs: config.outbox.retryHours * 3_600_000 };
  }

  /** A worker with other settings (tests: a short lease, a tiny backoff) sharing everything else. */
  static create(
    db: DataSource,
    channels: OutboxChannels,
    clock: OutboxClock,
    settings: Partial<OutboxWorkerSettings> & { retryWindowMs: number },
  ): OutboxWorker {
    const concurrency = settings.concurrency ?? DEFAULT_OUTBOX_CONCURRENCY;
    const config = { outbox: { retryHours: 1, worker: false, concurrency } };
    const worker = new OutboxWorker(new OutboxRepository(db), channels, clock, new OutboxSignal(), config);
    Object.assign(worker.settings, settings);
    return worker;
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.worker) this.start();
  }

  // The first shutdown hook, so the database and the mail transport are still open for the round in progress.
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Polls, and wakes as soon as a message is committed. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.unsubscribe = this.signal.subscribe(() => this.wake());
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress, so shutdown never cuts a recorded outcome. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.interrupt?.();
    await this.running?.catch(() => undefined);
  }

  /**
   * One round: every due message is claimed and attempted once. Returns how many were attempted.
   * Rounds never overlap within one worker (the embedded database is a single session).
   */
  async runOnce(): Promise<number> {
    // An explicit round (tests, tools) runs in full, even on a worker that was stopped before.
    this.stopping = false;
    return this.exclusiveRound(false);
  }

  private async exclusiveRound(fromTimer: boolean): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    // A timer round that waited behind another must not start once the worker is stopping.
    if (fromTimer && !this.started) return 0;
    this.running = this.round();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private wake(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      this.claimNow = true;
      this.interrupt?.();
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.started) return;
    try {
      this.again = false;
      await this.exclusiveRound(true);
    } catch (error) {
      this.logger.error(`Outbox round failed: ${(error as Error).message}`);
    }
    if (!this.started) return;
    // A round ends when a claim came back short: nothing more is due until a wake-up or the poll.
    this.schedule(this.again ? 0 : this.settings.pollMs);
  }

  /**
   * One round, a pipeline: up to `concurrency` deliveries in flight, fed from a local queue of
   * claimed messages (highest priority first) that is topped up by another claim whenever it runs
   * low, until a claim comes back short (nothing more is due). A wake-up during the round (a sign-in
   * link committed in this process) claims at once, above the priorities already waiting.
   */
  private async round(): Promise<number> {
    const queue = new DeliveryQueue<Claimed>();
    const inFlight = new Set<Promise<void>>();
    const recorder = new SentRecorder(this.messages, (error) => this.logger.error(`Recording sent outbox messages failed: ${error.message}`));
    const leases = new Map<string, Lease>();
    const { concurrency, batchSize } = this.settings;
    let drained = false;
    let attempted = 0;
    this.claimNow = false;

    try {
      for (;;) {
        if (this.stopping) break;
        const woken = this.claimNow;
        this.claimNow = false;
        if (woken || (!drained && queue.size < concurrency)) {
          const room = batchSize - queue.size;
          // Full and woken: claim only what would overtake the messages already waiting.
          const floor = room > 0 ? null : queue.lowestPriority()! + 1;
          const limit = room > 0 ? room : concurrency;
          const claimed = await this.claim(limit, floor, leases);
          queue.add(claimed);
          if (floor === null && claimed.length < limit) drained = true;
        }
        await this.keepLeases(queue, leases);
        while (inFlight.size < concurrency && !this.stopping) {
          const message = queue.take();
          if (!message) break;
          attempted += 1;
          const task: Promise<void> = this.deliverAndRecord(message, recorder).finally(() => {
            queue.done(message);
            inFlight.delete(task);
          });
          inFlight.add(task);
        }
        if (inFlight.size === 0 && queue.size === 0 && drained && !this.claimNow) break;
        if (inFlight.size === 0) continue;
        // Wait for a free slot, a wake-up or stop().
        const interrupted = new Promise<void>((resolve) => (this.interrupt = resolve));
        if (!this.claimNow && !this.stopping) await Promise.race([...inFlight, interrupted]);
        this.interrupt = null;
      }
    } finally {
      // Shutdown (or a failed claim): what has not started is handed back at once, attempt undone.
      const unstarted = queue.drain();
      await Promise.allSettled(inFlight);
      await recorder.flush();
      await this.messages.release(unstarted.map((m) => ({ id: m.id, leaseId: m.leaseId })));
    }
    return attempted;
  }

  /** Claims under a fresh lease; the batch's messages remember it, for renewal and the fence. */
  private async claim(limit: number, minPriority: number | null, leases: Map<string, Lease>): Promise<Claimed[]> {
    const now = this.clock.now();
    const lease: Lease = { id: randomUUID(), lockedUntil: now.getTime() + this.settings.leaseMs };
    const claimed = await this.messages.claim(now, new Date(lease.lockedUntil), lease.id, limit, minPriority);
    if (claimed.length > 0) leases.set(lease.id, lease);
    return claimed.map((message) => ({ ...message, leaseId: lease.id, key: this.keyOf(message) }));
  }

  /**
   * A message's lease must outlast its delivery: before anything starts, a lease that is past half
   * its time is renewed, in one statement for all its waiting messages. Those no longer ours (the
   * lease ran out while this process stalled and another worker took them over, or staff dismissed
   * them) are dropped, never sent a second time. Messages in flight are not renewed: a delivery is
   * bounded by the transport's timeouts, far below the lease.
   */
  private async keepLeases(queue: DeliveryQueue<Claimed>, leases: Map<string, Lease>): Promise<void> {
    const now = this.clock.now().getTime();
    const waiting = queue.peekAll();
    for (const [leaseId, lease] of leases) {
      const held = waiting.filter((m) => m.leaseId === leaseId);
      if (held.length === 0) {
        leases.delete(leaseId);
        continue;
      }
      if (now < lease.lockedUntil - this.settings.leaseMs / 2) continue;
      const lockedUntil = now + this.settings.leaseMs;
      const kept = new Set(await this.messages.renewLeases(held.map((m) => m.id), leaseId, new Date(lockedUntil)));
      lease.lockedUntil = lockedUntil;
      queue.removeWhere((m) => m.leaseId === leaseId && !kept.has(m.id));
    }
  }

  /** Messages to one recipient on one channel are never in flight together (see DeliveryQueue). */
  private keyOf(message: ClaimedMessage): string {
    const recipient = this.channels.get(message.channel)?.recipientOf?.(message.payload);
    return `${message.channel}\u0000${recipient ?? message.id}`;
  }

  private async deliverAndRecord(message: Claimed, recorder: SentRecorder): Promise<void> {
    const outcome = await this.deliver(message);
    if (outcome.ok) {
      // Recorded with the others that finish meanwhile, in one statement.
      recorder.add({ id: message.id, leaseId: message.leaseId, sentAt: this.clock.now(), result: outcome.result });
      return;
    }
    try {
      await this.recordFailure(message, outcome);
    } catch (error) {
      // The lease runs out and the message is tried again: nothing is lost.
      this.logger.error(`Recording a failed outbox delivery failed: ${(error as Error).message}`);
    }
  }

  private async deliver(message: ClaimedMessage): Promise<Outcome> {
    const handler = this.channels.get(message.channel);
    if (!handler) return { ok: false, error: `No handler for channel "${message.channel}"`, permanent: false };
    try {
      const result = await handler.deliver(message.payload, {
        id: message.id,
        attempt: message.attempts,
        dedupeKey: message.dedupe_key,
      });
      return { ok: true, result: typeof result === 'string' ? result.slice(0, 500) : null };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: text.slice(0, 1_000) || 'Delivery failed', permanent: error instanceof PermanentDeliveryError };
    }
  }

  /** A failure waits for its retry with backoff, or is given up once its retry window is over. */
  private async recordFailure(message: Claimed, outcome: Extract<Outcome, { ok: false }>): Promise<void> {
    const now = this.clock.now();
    const delay = backoffDelay(message.attempts, this.settings.backoff);
    const next = new Date(now.getTime() + delay);
    const deadline = new Date(new Date(message.window_start).getTime() + this.settings.retryWindowMs);
    const giveUp = outcome.permanent || next > deadline;
    if (giveUp) {
      // The error stays in last_error for staff; a refusal often quotes the recipient's address, which logs must not carry.
      this.logger.warn(`Outbox message ${message.id} (${message.channel}) failed after ${message.attempts} attempts`);
    }
    await this.messages.recordFailure(message.id, message.leaseId, {
      status: giveUp ? 'failed' : 'pending',
      error: outcome.error,
      nextAttemptAt: next,
      failedAt: giveUp ? now : null,
    });
  }
}
