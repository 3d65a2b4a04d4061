import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * Remembers spent challenges until they expire, so one solution admits one request. Redis when
 * REDIS_URL is set (a solution spent on one replica is spent on all), memory otherwise or while
 * Redis is down.
 */
export class UsedChallenges {
  private readonly logger = new Logger('UsedChallenges');
  private readonly memory = new Map<string, number>();
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a signature is spent; false ever after, until it expires. */
  async spend(signature: string, expiresAt: number): Promise<boolean> {
    const ttl = Math.max(1000, expiresAt - this.now());
    if (this.redis) {
      try {
        return (await this.redis.set(`${this.prefix}pow:${signature}`, '1', 'PX', ttl, 'NX')) === 'OK';
      } catch (error) {
        this.warn(error);
      }
    }
    return this.spendInMemory(signature, ttl);
  }

  private spendInMemory(signature: string, ttl: number): boolean {
    const now = this.now();
    if (this.memory.size > 10_000) for (const [key, until] of this.memory) if (until <= now) this.memory.delete(key);
    const until = this.memory.get(signature);
    if (until !== undefined && until > now) return false;
    this.memory.set(signature, now + ttl);
    return true;
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis unavailable for spent challenges, keeping them in memory: ${(error as Error).message}`);
  }
}
