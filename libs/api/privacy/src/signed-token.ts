import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless signed links (email change confirmation, an anonymous reporter's data link): the
 * claims travel in the link, an HMAC under the app's signing secret proves they were ours, and an
 * expiry bounds them. Nothing to store or clean up; a purpose string keeps one kind of link from
 * being replayed as another.
 */
export interface SignedClaims {
  purpose: 'email-change' | 'reporter-data';
  /** The account (email change) or the address (reporter data). */
  subject: string;
  /** The new address, for an email change. */
  value?: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`plaza-privacy:${body}`).digest('base64url');
}

export function signClaims(secret: string, claims: SignedClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The claims when the token is ours, of this purpose and not expired; null otherwise. */
export function verifyClaims(secret: string, token: string, purpose: SignedClaims['purpose'], now: number): SignedClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedClaims;
    if (claims.purpose !== purpose || typeof claims.subject !== 'string' || !(claims.exp > now)) return null;
    return claims;
  } catch {
    return null;
  }
}
