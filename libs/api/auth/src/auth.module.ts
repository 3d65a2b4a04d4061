import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@plaza/api/audit';
import { MailModule } from '@plaza/api/mail';
import { AccessGuard } from './access.guard';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ChallengeController } from './challenge.controller';
import { EmailLinkService } from './email-link.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInLinkRequests } from './sign-in-link-requests';
import { SignupRequests } from './signup-requests';
import { SignInThrottle } from './sign-in-throttle';

/**
 * Accounts, sessions and the access guard. Importing this module (once, in the app) puts every
 * route of every module behind AccessGuard. Its rate-limit counters (ATTEMPT_STORE) come from the
 * global AbuseModule.
 *
 * No global interceptor: with none, Nest calls a handler without an RxJS pipeline around it (a
 * measurable share of every request's CPU). A 429's Retry-After is set by the problem filter.
 */
@Module({
  imports: [MailModule, AuditModule],
  controllers: [AuthController, ChallengeController],
  providers: [
    AccountsRepository,
    SessionRepository,
    SessionService,
    EmailLinkService,
    SignInLinkRequests,
    SignupRequests,
    SignInThrottle,
    AuthService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionService, EmailLinkService, AccountsRepository, SignInThrottle],
})
export class AuthModule {}
