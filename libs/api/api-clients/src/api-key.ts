import { createHash, randomBytes } from 'node:crypto';

/** API keys are stored only as this hash: a leaked table does not leak working keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** 256 random bits, URL-safe, with a prefix that makes a leaked key easy to recognise and revoke. */
export function generateApiKey(): string {
  return `plaza_o311_${randomBytes(32).toString('base64url')}`;
}
