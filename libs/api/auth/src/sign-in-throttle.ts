import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ATTEMPT_STORE, type AttemptCount, type AttemptStore } from '@plaza/api/abuse';
import { TooManyAttemptsError } from './auth.errors';

const MINUTE = 60_000;

/** Every limit in one place; docs/security.md lists them. */
export const LIMITS = {
  /** Wrong passwords for one account from one address: stops guessing. */
  loginEmailIp: { max: 5, windowMs: 15 * MINUTE },
  /** Wrong passwords from one address, any account: stops spraying. */
  loginIp: { max: 20, windowMs: 15 * MINUTE },
  /** Wrong passwords for one account, any address: stops distributed guessing. The email link still works. */
  loginEmail: { max: 25, windowMs: 15 * MINUTE },
  /** Sign-in link requests from one address. */
  emailLinkIp: { max: 10, windowMs: 15 * MINUTE },
  /** Sign-in links mailed to one address: no mail bombing. Over it, requests still answer 202. */
  emailLinkEmail: { max: 3, windowMs: 15 * MINUTE },
  /** Accounts created from one address. */
  signupIp: { max: 10, windowMs: 60 * MINUTE },
} as const;

type LimitName = keyof typeof LIMITS;

/**
 * Rate limits for everything that proves identity or creates accounts. Keys carry only hashes:
 * neither the email nor the client address is written to Redis or kept in memory in clear.
 */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(ATTEMPT_STORE) private readonly store: AttemptStore) {}

  async assertLoginAllowed(email: string, ip: string): Promise<void> {
    const counts = await Promise.all(
      (['loginEmailIp', 'loginIp', 'loginEmail'] as const).map(async (name) => ({
        name,
        count: await this.store.peek(this.key(name, email, ip)),
      })),
    );
    const blocked = counts.filter(({ name, count }) => count.count >= LIMITS[name].max);
    if (blocked.length) throw tooMany(blocked.map(({ count }) => count));
  }

  async loginFailed(email: string, ip: string): Promise<void> {
    await Promise.all(
      (['loginEmailIp', 'loginIp', 'loginEmail'] as const).map((name) =>
        this.store.increment(this.key(name, email, ip), LIMITS[name].windowMs),
      ),
    );
  }

  /** A right password clears that account's failures from that address (not the address's total). */
  async loginSucceeded(email: string, ip: string): Promise<void> {
    await this.store.reset(this.key('loginEmailIp', email, ip));
  }

  /** 429 when the address asks too often; false (send nothing, still answer 202) when the mailbox got enough. */
  async emailLinkAllowed(email: string, ip: string): Promise<boolean> {
    await this.hitOrThrow('emailLinkIp', email, ip);
    const perEmail = await this.store.increment(
      this.key('emailLinkEmail', email, ip),
      LIMITS.emailLinkEmail.windowMs,
    );
    return perEmail.count <= LIMITS.emailLinkEmail.max;
  }

  async assertSignupAllowed(ip: string): Promise<void> {
    await this.hitOrThrow('signupIp', '', ip);
  }

  private async hitOrThrow(name: LimitName, email: string, ip: string): Promise<void> {
    const count = await this.store.increment(this.key(name, email, ip), LIMITS[name].windowMs);
    if (count.count > LIMITS[name].max) throw tooMany([count]);
  }

  private key(name: LimitName, email: string, ip: string): string {
    const parts = name.endsWith('EmailIp') ? [email, ip] : name.endsWith('Email') ? [email] : [ip];
    return `rl:${name}:${createHash('sha256')
      .update(`plaza-rate-limit\0${parts.join('\0')}`)
      .digest('hex')
      .slice(0, 40)}`;
  }
}

function tooMany(counts: AttemptCount[]): TooManyAttemptsError {
  const waitMs = Math.max(...counts.map((c) => c.resetInMs), 1000);
  return new TooManyAttemptsError(Math.ceil(waitMs / 1000));
}
