import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link stops: a kind of mail (registered by its feature) for one subject. */
export interface UnsubscribeClaim {
  kind: string;
  subject: string;
}

const VERSION = 'u1';

/**
 * `u1.<base64url JSON [kind, subject]>.<base64url HMAC-SHA256>`. Links in mails must work for
 * years and without a session, so the token carries its claim and only a signature guards it; it
 * never expires (unsubscribing again is harmless) and reveals nothing but ids.
 */
export function signUnsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify([claim.kind, claim.subject]), 'utf8').toString('base64url');
  return `${VERSION}.${body}.${mac(key, body)}`;
}

/** The claim of a token this key signed; null for anything else (forged, truncated, garbage). */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaim | null {
  if (typeof token !== 'string' || token.length > 1_000) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return null;
  const [, body, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(key, body), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2 || !value.every((part) => typeof part === 'string' && part.length > 0)) {
      return null;
    }
    return { kind: value[0] as string, subject: value[1] as string };
  } catch {
    return null;
  }
}

/** The key for unsubscribe links, derived so the application secret can sign other things too. */
export function unsubscribeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('plaza:unsubscribe-links').digest();
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`${VERSION}.${body}`).digest('base64url');
}
