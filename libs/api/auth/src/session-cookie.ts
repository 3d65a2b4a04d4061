import { SESSION_COOKIE } from '@plaza/shared/contracts';

export interface CookieOptions {
  /** Only over HTTPS: set when PUBLIC_URL is https. */
  secure: boolean;
  maxAgeSeconds: number;
}

/**
 * One cookie's value from a Cookie header (RFC 6265 §5.4). Parsed by hand: @fastify/cookie's
 * `cookie` dependency needs a newer Node than Plaza supports.
 */
export function readCookie(header: string | undefined, name: string = SESSION_COOKIE): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    return value || null;
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), whole site. */
export function sessionCookie(token: string, { secure, maxAgeSeconds }: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
