import { randomBytes } from 'node:crypto';
import { ERASED, openJson, openString, sealedSubject, sealJson, sealString } from './audit-sealing';

describe('audit sealing (crypto-shredding)', () => {
  const key = randomBytes(32);
  const subject = 'report:2026-000001' as const;

  it('opens with the subject key and reads as erased once the key is gone', () => {
    const sealed = sealJson(key, subject, { description: 'DNI 12345678Z' })!;
    expect(JSON.stringify(sealed)).not.toContain('12345678Z');
    expect(sealedSubject(sealed)).toBe(subject);
    expect(openJson(sealed, new Map([[subject, key]]))).toEqual({ description: 'DNI 12345678Z' });
    expect(openJson(sealed, new Map())).toEqual(ERASED);
    expect(openJson({ plain: true }, new Map())).toEqual({ plain: true });
    expect(sealJson(key, subject, null)).toBeNull();
  });

  it('seals strings, and a ciphertext moved under another subject does not open', () => {
    const sealed = sealString(key, 'user:abc-1', 'vecina@example.org');
    expect(sealed).not.toContain('vecina');
    expect(openString(sealed, new Map([['user:abc-1', key]]))).toBe('vecina@example.org');
    expect(openString(sealed, new Map())).toBeNull();
    expect(openString('admin@example.org', new Map())).toBe('admin@example.org');
    const moved = sealed.replace('user:abc-1', 'user:abc-2');
    expect(openString(moved, new Map([['user:abc-2', key]]))).toBeNull();
  });
});
