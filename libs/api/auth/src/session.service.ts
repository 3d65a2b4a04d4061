import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { Role, SessionView } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import type { AuthContext, SessionInfo } from './auth-context';
import { newSecretToken, tokenHash } from './secret-token';
import { SessionRepository } from './session.repository';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** docs/security.md, "Sessions". */
export const SESSION_POLICY = {
  /** Staff sessions end after 12 hours without a request: shared office computers. */
  staffIdleSeconds: 12 * HOUR,
  citizenIdleSeconds: 30 * DAY,
  /** No session outlives this, however active. */
  absoluteSeconds: 30 * DAY,
  /** last_seen_at is written at most this often, not on every request. */
  touchEverySeconds: 5 * 60,
} as const;

const STAFF_ROLES: readonly Role[] = ['admin', 'community_manager', 'department_staff'];

export interface StartedSession {
  /** The cookie value. Shown once, never stored. */
  token: string;
  context: AuthContext;
}

@Injectable()
export class SessionService {
  private readonly secure: boolean;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  /** Opens a session inside the caller's transaction (which also updates the user's last sign-in). */
  async start(
    manager: EntityManager,
    userId: string,
    method: SessionInfo['method'],
  ): Promise<StartedSession> {
    const roles = await this.accounts.rolesOf(manager, userId);
    const token = newSecretToken();
    await this.sessions.insert(manager, {
      tokenHash: tokenHash(token),
      userId,
      csrfToken: newSecretToken(),
      method,
      idleSeconds: idleSecondsFor(roles),
    });
    await this.accounts.markSignedIn(manager, userId);
    const live = await this.sessions.findLive(tokenHash(token), manager);
    if (!live) throw new Error('A session just opened for an inactive user');
    return { token, context: live.context };
  }

  /** The session a cookie names, if live; keeps it alive (sliding expiry) as a side effect. */
  async resolve(token: string): Promise<AuthContext | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const live = await this.sessions.findLive(tokenHash(token));
    if (!live) return null;
    if (Date.now() - live.lastSeenAt.getTime() > SESSION_POLICY.touchEverySeconds * 1000) {
      const expiresAt = await this.sessions.touch(
        live.context.session.id,
        idleSecondsFor(live.context.user.roles),
        SESSION_POLICY.absoluteSeconds,
      );
      if (expiresAt) live.context.session.expiresAt = expiresAt;
    }
    return live.context;
  }

  revokeToken(manager: EntityManager, token: string): Promise<void> {
    return this.sessions.revokeByTokenHash(manager, tokenHash(token));
  }

  revoke(manager: EntityManager, sessionId: string): Promise<void> {
    return this.sessions.revoke(manager, sessionId);
  }

  revokeAllForUser(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null = null,
  ): Promise<number> {
    return this.sessions.revokeAllForUser(manager, userId, keepSessionId);
  }

  view(context: AuthContext): SessionView {
    return {
      user: context.user,
      csrfToken: context.session.csrfToken,
      expiresAt: context.session.expiresAt.toISOString(),
    };
  }

  cookieFor(token: string): string {
    return sessionCookie(token, { secure: this.secure, maxAgeSeconds: SESSION_POLICY.absoluteSeconds });
  }

  clearedCookie(): string {
    return clearedSessionCookie(this.secure);
  }
}

function idleSecondsFor(roles: readonly Role[]): number {
  return roles.some((role) => STAFF_ROLES.includes(role))
    ? SESSION_POLICY.staffIdleSeconds
    : SESSION_POLICY.citizenIdleSeconds;
}
