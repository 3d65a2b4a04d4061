import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { ChallengeRequiredError, TooManyAttemptsError } from './abuse.errors';
import { ATTEMPT_STORE, type AttemptStore } from './attempt-store';
import { ChallengeService } from './challenge.service';
import type { ClientInfo } from './client-info';

const HOUR = 3_600_000;

/**
 * The counters one request has added to, so they can be given back (PublicLimits.refund) when the
 * request turns out not to count: a retry of a report already filed (issue 12).
 */
export class LimitUnits {
  readonly keys: string[] = [];
}

/**
 * Limits on the public routes that file reports or send mail (docs/security.md#abuse-limits):
 *
 * - a gentle gate shared by all of them: past `challengeAfter` requests an hour from one client
 *   address, each further one must carry a solved proof of work (428 until it does), so a person
 *   on a shared connection goes on after a second of their browser's work while a script pays for
 *   every request;
 * - hard limits on anonymous filing, per client address and per email address (429 with
 *   Retry-After).
 *
 * Counters live in Redis when REDIS_URL is set (every replica counts together), in memory
 * otherwise. Keys carry only hashes: no address, IP or email, is written in clear.
 */
@Injectable()
export class PublicLimits {
  constructor(
    @Inject(ATTEMPT_STORE) private readonly store: AttemptStore,
    private readonly challenges: ChallengeService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'abuse'>,
  ) {}

  /**
   * The gate in front of every public mail-sending route: a solved challenge is needed past the
   * threshold. Counted once admitted, so the retry that carries the solution is not a second hit.
   */
  async admit(client: ClientInfo, units?: LimitUnits): Promise<void> {
    const key = this.key('public-ip', client.ip);
    const seen = await this.store.peek(key);
    if (seen.count >= this.config.abuse.challengeAfter) {
      if (!client.proof) throw new ChallengeRequiredError('missing');
      if (!(await this.challenges.redeem(client.proof))) throw new ChallengeRequiredError('invalid');
    }
    await this.store.increment(key, HOUR);
    units?.keys.push(key);
  }

  /** Anonymous filing from one client address: a hard hourly limit on top of the gate. */
  async hitReportFromIp(ip: string, units?: LimitUnits): Promise<void> {
    await this.hit('report-ip', ip, this.config.abuse.reportsPerIpHour, units);
  }

  /** Anonymous filing for one email address, whichever channel it comes through (map, Open311). */
  async hitReportForEmail(email: string, units?: LimitUnits): Promise<void> {
    await this.hit('report-email', email.trim().toLowerCase(), this.config.abuse.reportsPerEmailHour, units);
  }

  /** Gives back what a request counted (`units`), once: it turned out not to count. */
  async refund(units: LimitUnits): Promise<void> {
    const keys = units.keys.splice(0);
    for (const key of keys) await this.store.decrement(key);
  }

  private async hit(kind: string, value: string, max: number, units: LimitUnits | undefined): Promise<void> {
    const key = this.key(kind, value);
    const count = await this.store.increment(key, HOUR);
    // Counted even when refused (the window goes on), so given back as well by a refund.
    units?.keys.push(key);
    if (count.count > max) {
      throw new TooManyAttemptsError(
        Math.max(1, Math.ceil(count.resetInMs / 1000)),
        'Too many reports from here in the last hour. Try again later.',
      );
    }
  }

  private key(kind: string, value: string): string {
    return `rl:${kind}:${createHash('sha256').update(`plaza-rate-limit\0${value}`).digest('base64url')}`;
  }
}
