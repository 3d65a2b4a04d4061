import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { DataSource } from 'typeorm';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { OutboxChannels } from './outbox-channels';
import { OutboxClock } from './outbox-clock';
import { OutboxSignal } from './outbox-signal';
import { OutboxRepository, type ClaimedMessage } from './outbox.repository';
import { OUTBOX_PRIORITY, PermanentDeliveryError } from './outbox.types';

export interface OutboxWorkerSettings {
  /** How long a claimed message is reserved for its worker; longer than any delivery can take. */
  leaseMs: number;
  /** Messages claimed per round. */
  batchSize: number;
  /** Poll interval when nothing wakes the worker. */
  pollMs: number;
  /** After this long since it was written, a message that still fails is marked failed. */
  retryWindowMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_WORKER_SETTINGS: Omit<OutboxWorkerSettings, 'retryWindowMs'> = {
  leaseMs: 5 * 60_000,
  batchSize: 20,
  pollMs: 5_000,
  backoff: DEFAULT_BACKOFF,
};

type Outcome = { ok: true; result: string | null } | { ok: false; error: string; permanent: boolean };

/**
 * Delivers outbox messages. Each round: claim due messages in one short transaction (row locks
 * with SKIP LOCKED plus a lease, so replicas never take the same message), deliver each outside
 * any transaction, record each outcome in another short transaction, fenced by the lease id so a
 * worker that lost its lease (it stalled, another took over) cannot overwrite the newer outcome.
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
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly messages: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly clock: OutboxClock,
    private readonly signal: OutboxSignal,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'outbox'>,
  ) {
    this.settings = { ...DEFAULT_WORKER_SETTINGS, retryWindowMs: config.outbox.retryHours * 3_600_000 };
  }

  /** A worker with other settings (tests: a short lease, a tiny backoff) sharing everything else. */
  static create(
    db: DataSource,
    channels: OutboxChannels,
    clock: OutboxClock,
    settings: Partial<OutboxWorkerSettings> & { retryWindowMs: number },
  ): OutboxWorker {
    const worker = new OutboxWorker(new OutboxRepository(db), channels, clock, new OutboxSignal(), { outbox: { retryHours: 1, worker: false } });
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
    let attempted = 0;
    try {
      this.again = false;
      attempted = await this.exclusiveRound(true);
    } catch (error) {
      this.logger.error(`Outbox round failed: ${(error as Error).message}`);
    }
    if (!this.started) return;
    // A full batch means more may be due right now.
    const more = this.again || attempted >= this.settings.batchSize;
    this.schedule(more ? 0 : this.settings.pollMs);
  }

  private async round(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const leaseId = randomUUID();
      const claimed = await this.claim(leaseId);
      let preempted = false;
      for (const [index, message] of claimed.entries()) {
        if (this.stopping) {
          await this.release(claimed.slice(index), leaseId);
          return attempted;
        }
        // A sign-in link committed while this batch of confirmations is being delivered goes next.
        if (message.priority < OUTBOX_PRIORITY.urgent && (await this.messages.higherPriorityDue(message.priority, this.clock.now()))) {
          await this.release(claimed.slice(index), leaseId);
          preempted = true;
          break;
        }
        // A batch is delivered one message after another, and a slow SMTP or Open311 peer can
        // outlast the batch's lease: renew it per message, and skip a message whose lease another
        // worker has taken over (or that staff dismissed) instead of sending it a second time.
        if (!(await this.renewLease(message.id, leaseId))) continue;
        const outcome = await this.deliver(message);
        await this.record(message, leaseId, outcome);
        attempted += 1;
      }
      if (preempted) continue;
      if (claimed.length < this.settings.batchSize || this.stopping) return attempted;
    }
  }

  private async renewLease(id: string, leaseId: string): Promise<boolean> {
    const lockedUntil = new Date(this.clock.now().getTime() + this.settings.leaseMs);
    return this.messages.renewLease(id, leaseId, lockedUntil);
  }

  /** Claimed but never attempted (shutdown): free at once, and the attempt it was counted as undone. */
  private async release(messages: ClaimedMessage[], leaseId: string): Promise<void> {
    if (messages.length === 0) return;
    await this.messages.release(
      messages.map((m) => m.id),
      leaseId,
    );
  }

  private async claim(leaseId: string): Promise<ClaimedMessage[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + this.settings.leaseMs);
    return this.messages.claim(now, lockedUntil, leaseId, this.settings.batchSize);
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

  /**
   * A sent message keeps only its envelope (channel, dedupe key, result): its content, which may
   * hold names, addresses or phones, has done its job and is not kept past delivery.
   */
  private async record(message: ClaimedMessage, leaseId: string, outcome: Outcome): Promise<void> {
    const now = this.clock.now();
    if (outcome.ok) {
      await this.messages.recordSent(message.id, leaseId, now, outcome.result);
      return;
    }
    const delay = backoffDelay(message.attempts, this.settings.backoff);
    const next = new Date(now.getTime() + delay);
    const deadline = new Date(new Date(message.window_start).getTime() + this.settings.retryWindowMs);
    const giveUp = outcome.permanent || next > deadline;
    if (giveUp) {
      // The error stays in last_error for staff; a refusal often quotes the recipient's address, which logs must not carry.
      this.logger.warn(`Outbox message ${message.id} (${message.channel}) failed after ${message.attempts} attempts`);
    }
    await this.messages.recordFailure(message.id, leaseId, {
      status: giveUp ? 'failed' : 'pending',
      error: outcome.error,
      nextAttemptAt: next,
      failedAt: giveUp ? now : null,
    });
  }
}
