import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MemoryAttemptStore, RedisAttemptStore, TooManyAttemptsError, type AttemptStore } from '@plaza/api/auth';
import { RedisService } from '@plaza/api/redis';

const HOUR = 3_600_000;

/** docs/alerts.md and docs/security.md list these. */
export const ALERT_LIMITS_PER_HOUR = {
  /** Subscription requests from one address: stops a script filling the table. */
  ip: 20,
  /** Confirmation mails to one mailbox: nobody can mail-bomb a stranger through the form. */
  email: 5,
} as const;

/**
 * Rate limits of the anonymous subscription form, on the same counters as sign-in (Redis when
 * REDIS_URL is set, so every replica counts together). Keys are hashes: no address in clear.
 */
@Injectable()
export class AlertsThrottle {
  private readonly store: AttemptStore;

  constructor(redis: RedisService) {
    this.store = redis.client ? new RedisAttemptStore(redis.client, redis.prefix) : new MemoryAttemptStore();
  }

  /** 429 when the client address asks too often. */
  async hitIp(ip: string): Promise<void> {
    const count = await this.store.increment(this.key('ip', ip), HOUR);
    if (count.count > ALERT_LIMITS_PER_HOUR.ip)
      throw new TooManyAttemptsError(Math.ceil(count.resetInMs / 1000));
  }

  /** False when this mailbox got enough confirmations: the request still answers 202 and sends nothing. */
  async mailAllowed(email: string): Promise<boolean> {
    const count = await this.store.increment(this.key('email', email), HOUR);
    return count.count <= ALERT_LIMITS_PER_HOUR.email;
  }

  private key(kind: string, value: string): string {
    return `rl:alert-${kind}:${createHash('sha256').update(`plaza-rate-limit\0${value}`).digest('base64url')}`;
  }
}
