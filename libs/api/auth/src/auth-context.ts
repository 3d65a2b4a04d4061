import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from './auth.errors';

/** The signed-in user, as every feature sees it. */
export type AuthUser = SessionUser;

export interface SessionInfo {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: Date;
  method: 'password' | 'email_link' | 'signup';
}

export interface AuthContext {
  user: AuthUser;
  session: SessionInfo;
}

// Kept beside the request rather than on it: nothing else can overwrite or forge it.
const contexts = new WeakMap<object, AuthContext>();

export function setAuthContext(request: FastifyRequest, context: AuthContext): void {
  contexts.set(request.raw, context);
}

export function authContextOf(request: FastifyRequest): AuthContext | null {
  return contexts.get(request.raw) ?? null;
}

/** The signed-in user of a route declared `signed-in` or with roles. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const context = authContextOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!context) throw AuthErrors.unauthenticated();
  return context.user;
});

/** The user and their session (for sign-out, password changes). */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const context = authContextOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!context) throw AuthErrors.unauthenticated();
  return context;
});

/** The user on a public route, or null when the caller is anonymous. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | null =>
    authContextOf(ctx.switchToHttp().getRequest<FastifyRequest>())?.user ?? null,
);
