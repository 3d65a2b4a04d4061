import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RedisService } from '@plaza/api/redis';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { CaseChangesRepository, type CaseChange } from './case-changes.repository';

export type { CaseChange } from './case-changes.repository';

type Listener = (change: CaseChange) => void;

const POLL_MS = 2000;
const REPLAY_LIMIT = 200;

/**
 * Announces new and changed cases to the console's live stream.
 *
 * Two sources, both cheap on a single database connection (the embedded database has no
 * LISTEN/NOTIFY and one connection): the console's own moves are published right after they
 * commit, and while anyone listens one query every two seconds picks up what arrived another way
 * (a citizen's report, an Open311 client). With REDIS_URL, published moves go through Redis
 * pub/sub so every API replica's listeners hear them; each replica still polls for the rest.
 * Duplicates between the two sources are dropped by (ref, change time).
 */
@Injectable()
export class CaseEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('CaseEvents');
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  private readonly recentlySent = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private since: string | null = null;
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly channel: string;
  private readonly changes: CaseChangesRepository;

  constructor(
    @InjectDataSource() db: DataSource,
    redis: RedisService,
  ) {
    // Built here, not injected: each replica of the stream is constructed from the data source alone.
    this.changes = new CaseChangesRepository(db);
    this.channel = `${redis.prefix}cases`;
    if (redis.client) this.connectRedis(redis);
  }

  /** Call after the transaction that made the change has committed. */
  publish(change: CaseChange): void {
    if (this.publisher) {
      this.publisher.publish(this.channel, JSON.stringify(change)).catch((error: unknown) => {
        this.logger.warn(`Redis publish failed, announcing locally only: ${String(error)}`);
        this.deliver(change);
      });
      return;
    }
    this.deliver(change);
  }

  /**
   * Listens until the returned function is called. `close` ends the listener's stream when the
   * application shuts down, so that open streams never hold the server up.
   */
  subscribe(listener: Listener, close: () => void = () => undefined): () => void {
    this.listeners.add(listener);
    this.closers.add(close);
    this.startPolling();
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /** How many streams are open in this process. */
  get listening(): number {
    return this.listeners.size;
  }

  /** Changes after `since` (an id this stream gave out), for a client that reconnects. */
  async changesSince(since: string): Promise<CaseChange[]> {
    if (Number.isNaN(Date.parse(since))) return [];
    return this.changes.changesAfter(since, REPLAY_LIMIT);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopPolling();
    for (const close of [...this.closers]) close();
    this.closers.clear();
    this.listeners.clear();
    // The connections themselves are closed by RedisModule at shutdown.
    await this.subscriber?.unsubscribe(this.channel).catch(() => undefined);
  }

  private connectRedis(redis: RedisService): void {
    this.publisher = redis.client;
    this.subscriber = redis.createSubscriber();
    if (!this.subscriber) return;
    void this.subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`Redis subscribe failed: ${String(error)}`);
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        this.deliver(JSON.parse(message) as CaseChange);
      } catch {
        this.logger.warn('Ignored a malformed case event from Redis');
      }
    });
  }

  private deliver(change: CaseChange): void {
    const key = `${change.ref}@${change.id}`;
    if (this.recentlySent.has(key)) return;
    this.recentlySent.set(key, Date.now());
    for (const listener of this.listeners) listener(change);
  }

  private startPolling(): void {
    if (this.timer) return;
    this.since = null;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.since === null) {
        this.since = await this.changes.now();
        return;
      }
      // Look a little behind the last change seen: a transaction that began earlier may commit later.
      const lookBehind = new Date(Date.parse(this.since) - 10_000).toISOString();
      for (const change of await this.changes.changesAfter(lookBehind, REPLAY_LIMIT)) {
        this.deliver(change);
        if (change.id > this.since) this.since = change.id;
      }
      this.forgetOld();
    } catch (error) {
      this.logger.warn(`Polling for case changes failed: ${String(error)}`);
    } finally {
      this.polling = false;
    }
  }

  private forgetOld(): void {
    const cutoff = Date.now() - 60_000;
    for (const [key, at] of this.recentlySent) if (at < cutoff) this.recentlySent.delete(key);
  }
}
