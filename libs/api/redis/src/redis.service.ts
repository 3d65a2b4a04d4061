import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { Redis } from 'ioredis';
import { createCommandClient, settled } from './connect-redis';

/**
 * The process's Redis connections (REDIS_URL) and key prefix (REDIS_PREFIX). Without REDIS_URL
 * every client is null and callers keep their state in memory (one process: the embedded setup).
 *
 * One shared client carries every command; pub/sub needs a connection of its own, so subscribers
 * get dedicated ones. All of them are closed when the application shuts down, after the modules
 * using them have stopped.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  /** Prefix of every key and channel Plaza writes, so deployments (or test runs) can share a Redis. */
  readonly prefix: string;
  /** The shared command client; null without REDIS_URL. */
  readonly client: Redis | null;
  private readonly subscribers = new Set<Redis>();
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisUrl' | 'redisPrefix'>) {
    this.prefix = config.redisPrefix;
    this.client = config.redisUrl ? createCommandClient(config.redisUrl) : null;
    this.client?.on('error', (error: unknown) => this.warn(error));
  }

  /** Boot waits (two seconds at most) for the connection, so the first requests find it ready. */
  async onModuleInit(): Promise<void> {
    if (this.client) await settled(this.client);
  }

  /** A dedicated connection for SUBSCRIBE; null without REDIS_URL. Closed at shutdown. */
  createSubscriber(): Redis | null {
    if (!this.config.redisUrl) return null;
    const subscriber = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
    subscriber.on('error', (error: unknown) => this.warn(error));
    this.subscribers.add(subscriber);
    return subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    const clients = [...this.subscribers, ...(this.client ? [this.client] : [])];
    this.subscribers.clear();
    await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis: ${(error as Error).message ?? String(error)}`);
  }
}
