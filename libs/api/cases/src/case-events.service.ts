import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RedisService } from '@plaza/api/redis';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { CaseChangeCursor } from './case-change-cursor';
import { CaseChangesRepository, isChangeCursor, type CaseChange } from './case-changes.repository';

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
 * (a citizen's report, an Open311 client, another replica without Redis). With REDIS_URL,
 * published moves go through Redis pub/sub so every API replica's listeners hear them; each
 * replica still polls for the rest. Duplicates between the two sources are dropped by
 * (ref, change time).
 *
 * The poll follows change numbers, not timestamps (case-change-cursor.ts): clock skew between
 * servers or a row dated in the future cannot make it skip changes, and a transaction that
 * commits after later ones were read is still announced.
 */
@Injectable()
export class CaseEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('CaseEvents');
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  private readonly recentlySent = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** Settles when the current listening period's cursor is placed. */
  private started: Promise<void> = Promise.resolve();
  /** The poll's cursor; null until the first poll of a listening period. */
  private cursor: CaseChangeCursor | null = null;
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

  /** Settles once changes from now on will be announced to the streams already subscribed. */
  ready(): Promise<void> {
    return this.started;
  }

  /** How many streams are open in this process. */
  get listening(): number {
    return this.listeners.size;
  }

  /**
   * Changes after `lastEventId` (an id this stream gave out), for a client that reconnects. Ids
   * from before the cursor existed (timestamps) or from elsewhere replay nothing: the console
   * reloads its inbox on reconnect anyway.
   */
  async changesSince(lastEventId: string): Promise<CaseChange[]> {
    if (!isChangeCursor(lastEventId)) return [];
    const read = await this.changes.numberedAfter(BigInt(lastEventId), REPLAY_LIMIT);
    return read.flatMap((row) => (row.change ? [{ ...row.change, id: row.number.toString() }] : []));
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
    const key = `${change.ref}@${change.at}`;
    if (this.recentlySent.has(key)) return;
    this.recentlySent.set(key, Date.now());
    for (const listener of this.listeners) listener(change);
  }

  private startPolling(): void {
    if (this.timer) return;
    this.cursor = null;
    // The first poll places the cursor at once: a change made right after a stream opens is news.
    this.started = this.poll();
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
      if (this.cursor === null) {
        this.cursor = new CaseChangeCursor(await this.changes.latest());
        return;
      }
      const read = await this.changes.numberedAfter(this.cursor.value, REPLAY_LIMIT);
      // The id a client resumes from is the cursor, which may stop before a change read beyond
      // a gap: resuming re-reads a little rather than missing a late commit.
      const id = this.cursor.advance(read.map((row) => row.number)).toString();
      for (const row of read) if (row.change) this.deliver({ ...row.change, id });
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
