import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@plaza/api/audit';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { isLocale, type Locale, type SessionView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import type { AuthContext } from './auth-context';
import { AuthErrors } from './auth.errors';
import type { EmailLinkDto, LoginDto, PasswordChangeDto, SignupDto } from './dto/auth.dto';
import { EmailLinkService } from './email-link.service';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { safeNextPath } from './safe-next-path';
import { normalizeEmail } from './secret-token';
import { SessionService, type StartedSession } from './session.service';
import { SignInLinkRequests } from './sign-in-link-requests';
import { SignInThrottle } from './sign-in-throttle';
import { SignupRequests } from './signup-requests';

/** A session just opened: the cookie to set and what the client is told. */
export interface SignedIn {
  token: string;
  view: SessionView;
}

/** A session opened by a link may set a password without the old one, for this long. */
const LINK_SESSION_RESET_WINDOW_MS = 60 * 60 * 1000;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionService,
    private readonly links: EmailLinkService,
    private readonly linkRequests: SignInLinkRequests,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signups: SignupRequests,
  ) {}

  /**
   * Unknown email, wrong password, inactive account, account without a password: one answer,
   * after the same scrypt work, so the response tells nothing about which accounts exist.
   */
  async login(input: LoginDto, ip: string, previousToken: string | null): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    await this.throttle.assertLoginAllowed(email, ip);
    const account = await this.accounts.findByEmail(email);
    // An account from a sign-up nobody finished (its address unproven) opens with no password.
    const usable = account && account.active && account.passwordHash && account.emailVerified ? account : null;
    const check = await verifyPassword(input.password, usable?.passwordHash ?? (await dummyPasswordHash()));
    if (!usable || !check.ok) {
      await this.throttle.loginFailed(email, ip);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.loginSucceeded(email, ip);
    const rehashed = check.needsRehash ? await hashPassword(input.password) : null;
    return this.open(async (manager) => {
      if (rehashed) await this.accounts.setPasswordHash(manager, usable.id, rehashed);
      if (previousToken) await this.sessions.revokeToken(manager, previousToken);
      return this.sessions.start(manager, usable.id, 'password');
    });
  }

  /**
   * Always "accepted", after the same work whoever the address belongs to: the password is hashed
   * (the costly part) and one outbox message queued; the worker decides afterwards whether to
   * create the account or to tell the address's owner (SignupRequests). The answer and its timing
   * say nothing about which addresses have accounts. `requestLocale` (the browser's language)
   * applies when the form does not say which one.
   */
  async signup(input: SignupDto, ip: string, requestLocale: Locale): Promise<void> {
    await this.throttle.assertSignupAllowed(ip);
    const nextPath = safeNextPath(input.next ?? '/', this.config.publicUrl);
    if (nextPath === null) throw AuthErrors.invalidNext();
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const locale = isLocale(input.locale) ? input.locale : requestLocale;
    await this.signups.queue({ email, name: input.name.trim(), passwordHash, locale, requestLocale }, nextPath);
  }

  /**
   * Always "accepted", after the same work whoever the address belongs to: the account is looked
   * up by the outbox worker, after the answer (SignInLinkRequests). Whether a mail went out is
   * nobody's business but the mailbox owner's.
   */
  async requestEmailLink(input: EmailLinkDto, ip: string): Promise<void> {
    const nextPath = safeNextPath(input.next, this.config.publicUrl);
    if (nextPath === null) throw AuthErrors.invalidNext();
    const email = normalizeEmail(input.email);
    if (!(await this.throttle.emailLinkAllowed(email, ip))) return;
    await this.linkRequests.queue(email, nextPath);
  }

  async verifyEmailLink(token: string, previousToken: string | null): Promise<SignedIn & { next: string }> {
    let next = '/';
    const signedIn = await this.open(async (manager) => {
      const spent = await this.links.consume(manager, token);
      const account = spent ? await this.accounts.findById(spent.userId, manager) : null;
      if (!spent || !account?.active) throw AuthErrors.linkInvalid();
      // Following a mailed link proves the address. Only the link that finishes a sign-up keeps
      // the password chosen at sign-up; any other drops a password set before the proof.
      if (!account.emailVerified) await this.accounts.markEmailVerified(manager, account.id, spent.purpose === 'signup');
      next = spent.nextPath;
      if (previousToken) await this.sessions.revokeToken(manager, previousToken);
      return this.sessions.start(manager, account.id, 'email_link');
    });
    return { ...signedIn, next };
  }

  async logout(context: AuthContext): Promise<void> {
    await this.db.transaction((manager) => this.sessions.revoke(manager, context.session.id));
  }

  /** Every session of the user, this one included, and any sign-in link still in their inbox. */
  async logoutEverywhere(context: AuthContext): Promise<void> {
    await this.db.transaction(async (manager) => {
      const revoked = await this.sessions.revokeAllForUser(manager, context.user.id);
      await this.accounts.expireLinkTokens(manager, context.user.id);
      await this.audit.record(manager, {
        actor: context.user,
        action: 'session.revoke_all',
        entityType: 'user',
        entityId: context.user.id,
        after: { revokedSessions: revoked },
      });
    });
  }

  /**
   * Needs the current password, unless this session was opened by an email link within the hour
   * (that link proved the mailbox: it is the "forgot my password" path). Other sessions end.
   */
  async changePassword(context: AuthContext, input: PasswordChangeDto, ip: string): Promise<void> {
    const account = await this.accounts.findById(context.user.id);
    if (!account) throw AuthErrors.unauthenticated();
    const byRecentLink =
      context.session.method === 'email_link' &&
      Date.now() - context.session.createdAt.getTime() < LINK_SESSION_RESET_WINDOW_MS;
    if (account.passwordHash && !byRecentLink) {
      if (!input.currentPassword) throw AuthErrors.currentPasswordRequired();
      await this.throttle.assertLoginAllowed(account.email, ip);
      if (!(await verifyPassword(input.currentPassword, account.passwordHash)).ok) {
        await this.throttle.loginFailed(account.email, ip);
        throw AuthErrors.currentPasswordWrong();
      }
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (manager) => {
      await this.accounts.setPasswordHash(manager, account.id, passwordHash);
      const revoked = await this.sessions.revokeAllForUser(manager, account.id, context.session.id);
      await this.audit.record(manager, {
        actor: context.user,
        action: 'user.password_set',
        entityType: 'user',
        entityId: account.id,
        before: { hadPassword: account.passwordHash !== null },
        after: { hadPassword: true, revokedSessions: revoked },
      });
    });
  }

  private async open(work: (manager: EntityManager) => Promise<StartedSession>): Promise<SignedIn> {
    const started = await this.db.transaction(work);
    return { token: started.token, view: this.sessions.view(started.context) };
  }
}
