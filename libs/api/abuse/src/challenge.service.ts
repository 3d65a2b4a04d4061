import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { SigningSecret } from '@plaza/api/outbox';
import { RedisService } from '@plaza/api/redis';
import type { ProofOfWorkChallenge } from '@plaza/shared/contracts';
import { createChallenge, verifySolution } from './proof-of-work';
import { UsedChallenges } from './used-challenges';

/** Long enough to solve on a slow phone, short enough that a stock of solutions goes stale. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** Issues and redeems proof-of-work challenges, signed with a key derived from the app's signing secret. */
@Injectable()
export class ChallengeService {
  private readonly used: UsedChallenges;

  constructor(
    private readonly secret: SigningSecret,
    redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'abuse'>,
  ) {
    this.used = new UsedChallenges(redis.client, redis.prefix);
  }

  issue(): ProofOfWorkChallenge {
    return createChallenge(this.key(), this.config.abuse.challengeMaxNumber, new Date(Date.now() + CHALLENGE_TTL_MS));
  }

  /** True for a valid, unexpired solution seen for the first time; it is spent by this call. */
  async redeem(header: string): Promise<boolean> {
    const verdict = verifySolution(this.key(), header, Date.now());
    return verdict.ok && (await this.used.spend(verdict.signature, verdict.expiresAt));
  }

  // Its own key, so a challenge signature can never stand in for an unsubscribe link's or vice versa.
  private key(): Buffer {
    return createHmac('sha256', this.secret.get()).update('plaza-proof-of-work').digest();
  }
}
