import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { connectRedis } from '@plaza/api/redis';
import type { Redis } from 'ioredis';
import { MemoryAttemptStore, type AttemptCount, type AttemptStore } from './attempt-store';

// INCR and the first PEXPIRE in one atomic step, so a counter never lives without its window.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

// DECR keeps the key's expiry; a counter already gone (or at zero) is left alone, so a refund never
// creates a key without a window nor goes below zero.
const DECREMENT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Counters in Redis, shared by every replica. If Redis stops answering, limits fall back to
 * this process's memory (still limited, per replica) rather than letting every attempt through
 * or locking everyone out; the outage is logged.
 */
export class RedisAttemptStore implements AttemptStore, OnModuleDestroy {
  private readonly logger = new Logger('RedisAttemptStore');
  private readonly fallback = new MemoryAttemptStore();
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** True when this store opened the connection itself (see createRedisAttemptStore) and closes it. */
    private readonly ownsClient = false,
  ) {}

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    try {
      const [count, ttl] = (await this.redis.eval(INCREMENT, 1, this.prefix + key, String(windowMs))) as [
        number,
        number,
      ];
      return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
    } catch (error) {
      this.warn(error);
      return this.fallback.increment(key, windowMs);
    }
  }

  async peek(key: string): Promise<AttemptCount> {
    try {
      const [[, count], [, ttl]] = (await this.redis
        .multi()
        .get(this.prefix + key)
        .pttl(this.prefix + key)
        .exec()) as [[unknown, string | null], [unknown, number]];
      const remote = { count: count === null ? 0 : Number(count), resetInMs: Math.max(0, Number(ttl)) };
      const local = await this.fallback.peek(key);
      return local.count > remote.count ? local : remote;
    } catch (error) {
      this.warn(error);
      return this.fallback.peek(key);
    }
  }

  async decrement(key: string): Promise<void> {
    // Where increment() would count now: Redis, or this process's memory while Redis is away.
    try {
      await this.redis.eval(DECREMENT, 1, this.prefix + key);
    } catch (error) {
      this.warn(error);
      await this.fallback.decrement(key);
    }
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    try {
      await this.redis.del(this.prefix + key);
    } catch (error) {
      this.warn(error);
    }
  }

  /** The app's shared client is closed by RedisModule; only a connection of the store's own is closed here. */
  async onModuleDestroy(): Promise<void> {
    if (this.ownsClient) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis unavailable for rate limits, counting in memory: ${(error as Error).message}`);
  }
}

/**
 * A store on a connection of its own, for a process without the app's RedisModule (a tool, or a
 * test standing in for a second replica). Commands error at once while Redis is down.
 */
export async function createRedisAttemptStore(url: string, prefix: string): Promise<RedisAttemptStore> {
  return new RedisAttemptStore(await connectRedis(url), prefix, true);
}
