import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Crypto-shredding for the audit log (docs/decisions/0007-audit-log-and-erasure.md).
 * Personal data goes into an entry only as ciphertext under its subject's key; the key lives in
 * `audit_subject_keys`, outside the hash chain. The chain hashes the ciphertext, so deleting a key
 * erases the data from every entry that held it and the chain still verifies.
 */

/** Whose personal data a value is: `user:<uuid>` (an account) or `report:<ref>` (a reporter). */
export type AuditSubject = `user:${string}` | `report:${string}`;

const SEALED_STRING = /^sealed:v1:((?:user|report):[0-9A-Za-z-]+):([A-Za-z0-9+/=]+)$/;

/** A sealed JSON value, as stored in `before` / `after`. */
export interface SealedJson {
  sealed: 'v1';
  subject: string;
  data: string;
}

export function subjectOfUser(userId: string): AuditSubject {
  return `user:${userId}`;
}

export function subjectOfReport(ref: string): AuditSubject {
  return `report:${ref}`;
}

/** AES-256-GCM; the output is iv ‖ tag ‖ ciphertext, base64. */
function encrypt(key: Buffer, plain: string, subject: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The subject is authenticated: a ciphertext moved to another subject's entry does not open.
  cipher.setAAD(Buffer.from(subject));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function decrypt(key: Buffer, data: string, subject: string): string | null {
  try {
    const raw = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(subject));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function sealString(key: Buffer, subject: AuditSubject, value: string): string {
  return `sealed:v1:${subject}:${encrypt(key, value, subject)}`;
}

export function sealJson(key: Buffer, subject: AuditSubject, value: unknown): SealedJson | null {
  if (value === null || value === undefined) return null;
  return { sealed: 'v1', subject, data: encrypt(key, JSON.stringify(value), subject) };
}

export function isSealedJson(value: unknown): value is SealedJson {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v['sealed'] === 'v1' && typeof v['subject'] === 'string' && typeof v['data'] === 'string';
}

/** The subject of a sealed string or JSON value, or null for a plain one. */
export function sealedSubject(value: unknown): string | null {
  if (typeof value === 'string') return SEALED_STRING.exec(value)?.[1] ?? null;
  return isSealedJson(value) ? value.subject : null;
}

/** What a reader sees in place of data whose key was deleted. */
export const ERASED = Object.freeze({ erased: true });

/** Opens a sealed string with the keys at hand; null when the subject's key is gone. */
export function openString(value: string | null, keys: ReadonlyMap<string, Buffer>): string | null {
  if (value === null) return null;
  const match = SEALED_STRING.exec(value);
  if (!match) return value;
  const key = keys.get(match[1]!);
  return key ? decrypt(key, match[2]!, match[1]!) : null;
}

/** Opens a sealed JSON value; `{ erased: true }` when the subject's key is gone. */
export function openJson(value: unknown, keys: ReadonlyMap<string, Buffer>): unknown {
  if (!isSealedJson(value)) return value;
  const key = keys.get(value.subject);
  const plain = key ? decrypt(key, value.data, value.subject) : null;
  return plain === null ? ERASED : (JSON.parse(plain) as unknown);
}
