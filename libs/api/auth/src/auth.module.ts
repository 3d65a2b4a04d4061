import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@plaza/api/audit';
import { MailModule } from '@plaza/api/mail';
import { AccessGuard } from './access.guard';
import { AccountsRepository } from './accounts.repository';
import { ATTEMPT_STORE, MemoryAttemptStore, type AttemptStore } from './attempt-store';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailLinkService } from './email-link.service';
import { RedisService } from '@plaza/api/redis';
import { RedisAttemptStore } from './redis-attempt-store';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

/**
 * Accounts, sessions and the access guard. Importing this module (once, in the app) puts every
 * route of every module behind AccessGuard.
 */
@Module({
  imports: [MailModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AccountsRepository,
    SessionRepository,
    SessionService,
    EmailLinkService,
    SignInThrottle,
    AuthService,
    {
      provide: ATTEMPT_STORE,
      inject: [RedisService],
      useFactory: (redis: RedisService): AttemptStore =>
        redis.client ? new RedisAttemptStore(redis.client, redis.prefix) : new MemoryAttemptStore(),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: RetryAfterInterceptor },
  ],
  exports: [SessionService, EmailLinkService, AccountsRepository, SignInThrottle],
})
export class AuthModule {}
