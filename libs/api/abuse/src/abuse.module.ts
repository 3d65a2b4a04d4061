import { Global, Module } from '@nestjs/common';
import { RedisService } from '@plaza/api/redis';
import { ATTEMPT_STORE, MemoryAttemptStore, type AttemptStore } from './attempt-store';
import { ChallengeService } from './challenge.service';
import { PublicLimits } from './public-limits';
import { RedisAttemptStore } from './redis-attempt-store';

/**
 * Rate-limit counters, the public-route limits and the proof-of-work challenges, for every module
 * with a public route that files or mails (imported once, by the app).
 */
@Global()
@Module({
  providers: [
    {
      provide: ATTEMPT_STORE,
      inject: [RedisService],
      useFactory: (redis: RedisService): AttemptStore =>
        redis.client ? new RedisAttemptStore(redis.client, redis.prefix) : new MemoryAttemptStore(),
    },
    ChallengeService,
    PublicLimits,
  ],
  exports: [ATTEMPT_STORE, ChallengeService, PublicLimits],
})
export class AbuseModule {}
