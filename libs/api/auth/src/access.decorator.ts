import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Role } from '@plaza/shared/contracts';

/**
 * Who may call a route: `public` (anyone, session or not), `signed-in` (any active account), or
 * one or more roles (any of them is enough).
 */
export type AccessRule = 'public' | 'signed-in' | Role;

export const ACCESS_METADATA = 'plaza:access';

/** Name of the session-cookie security scheme in the OpenAPI document. */
export const SESSION_SECURITY_SCHEME = 'session';

/**
 * Declares who may call a controller's routes (on the class) or one route (on the method, which
 * wins). The global AccessGuard refuses every route that declares nothing: forgetting this
 * decorator closes a route instead of opening it.
 */
export function Access(...rules: [AccessRule, ...AccessRule[]]): ClassDecorator & MethodDecorator {
  const exclusive = rules.filter((rule) => rule === 'public' || rule === 'signed-in');
  if (exclusive.length > 0 && rules.length > 1) {
    throw new Error(`@Access('${exclusive[0]}') cannot be combined with other rules`);
  }
  const metadata = SetMetadata(ACCESS_METADATA, Object.freeze([...rules]));
  return rules[0] === 'public' ? metadata : applyDecorators(metadata, ApiCookieAuth(SESSION_SECURITY_SCHEME));
}

export const CROSS_ORIGIN_METADATA = 'plaza:cross-origin';

/**
 * Lets browser apps on other origins send state-changing requests to a public route (e.g. an
 * Open311 client with CORS). Such requests always run as anonymous: a session is never used
 * from a foreign origin. Without it, unsafe requests from a foreign Origin are refused.
 */
export function CrossOriginAllowed(): ClassDecorator & MethodDecorator {
  return SetMetadata(CROSS_ORIGIN_METADATA, true);
}
