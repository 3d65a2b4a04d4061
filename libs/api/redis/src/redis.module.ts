import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** The shared Redis connections and key prefix (REDIS_URL, REDIS_PREFIX), imported once by the app. */
@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
