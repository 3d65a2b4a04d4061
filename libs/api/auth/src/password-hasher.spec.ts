import { scryptSync } from 'node:crypto';
import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a per-hash salt and the key, and verifies only the right password', async () => {
    const first = await hashPassword('demo-plaza-2026');
    const second = await hashPassword('demo-plaza-2026');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(first).not.toBe(second); // salted
    expect(await verifyPassword('demo-plaza-2026', first)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('demo-plaza-2025', first)).ok).toBe(false);
  });

  it('normalises Unicode, so a composed and a decomposed "ñ" are the same password', async () => {
    const stored = await hashPassword('contrase\u00f1a segura');
    expect((await verifyPassword('contrasen\u0303a segura', stored)).ok).toBe(true);
  });

  it('verifies hashes made with older parameters and asks for a rehash', async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('old password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('old password', stored)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('other', stored)).toEqual({ ok: false, needsRehash: false });
  });

  it('refuses malformed or absurd stored hashes instead of running them', async () => {
    for (const stored of [
      '',
      'bcrypt$x',
      'scrypt$3$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
      `scrypt$${2 ** 24}$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==`,
    ]) {
      expect(await verifyPassword('x', stored)).toEqual({ ok: false, needsRehash: false });
    }
  });
});
