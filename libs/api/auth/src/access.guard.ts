import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { CSRF_HEADER } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_METADATA, CROSS_ORIGIN_METADATA, type AccessRule } from './access.decorator';
import { setAuthContext, type AuthContext } from './auth-context';
import { AuthErrors } from './auth.errors';
import { originAllowed, originMatchesHost } from './request-origin';
import { safeEqual } from './secret-token';
import { readCookie } from './session-cookie';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves a session cookie to its user; a seam for the guard's unit test. */
export interface SessionResolver {
  resolve(token: string): Promise<AuthContext | null>;
}

/**
 * The one gate in front of every controller route (registered as APP_GUARD). It fails closed:
 * a route without @Access is refused. Then, in order:
 * 1. unsafe methods from a foreign Origin are refused (or, on a public @CrossOriginAllowed route,
 *    run as anonymous);
 * 2. the session cookie is resolved;
 * 3. unsafe methods on a session need its CSRF token in X-CSRF-Token. On a public route a request
 *    without it simply runs as anonymous, so a forged request never borrows the victim's session;
 * 4. the route's rules are checked: 401 without a session, 403 without a role that is allowed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');
  private readonly allowedOrigins: string[];
  private readonly sameHostOrigin: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionResolver,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'publicUrl' | 'trustedOrigins'> & Partial<Pick<AppConfig, 'sameHostOrigin'>>,
  ) {
    this.allowedOrigins = [new URL(config.publicUrl).origin, ...config.trustedOrigins];
    this.sameHostOrigin = config.sameHostOrigin ?? false;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const rules = this.reflector.getAllAndOverride<readonly AccessRule[] | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rules || rules.length === 0) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no @Access: refused`,
      );
      throw AuthErrors.undeclaredAccess();
    }

    const unsafe = !SAFE_METHODS.has(request.method);
    const isPublic = rules.includes('public');
    // Answers that depend on who asks, or change state, must never be cached by anyone.
    if (!isPublic || unsafe) void reply.header('cache-control', 'no-store');
    const foreign =
      unsafe &&
      !originAllowed(request.headers.origin, this.allowedOrigins) &&
      !(this.sameHostOrigin && originMatchesHost(request.headers.origin, request.headers.host));
    if (foreign && !(isPublic && this.flag(CROSS_ORIGIN_METADATA, context))) throw AuthErrors.crossOrigin();

    const token = foreign ? null : readCookie(request.headers.cookie);
    let auth = token ? await this.sessions.resolve(token) : null;
    if (auth && unsafe && !csrfMatches(request.headers[CSRF_HEADER], auth.session.csrfToken)) {
      if (!isPublic) throw AuthErrors.csrf();
      auth = null;
    }
    if (auth) setAuthContext(request, auth);

    if (isPublic) return true;
    if (!auth) throw AuthErrors.unauthenticated();
    if (rules.includes('signed-in')) return true;
    if (auth.user.roles.some((role) => rules.includes(role))) return true;
    throw AuthErrors.forbidden();
  }

  private flag(key: string, context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(key, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}

function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  return typeof header === 'string' && safeEqual(header, expected);
}
