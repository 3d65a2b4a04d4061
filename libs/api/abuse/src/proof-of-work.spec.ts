import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createChallenge, solveChallenge, verifySolution } from './proof-of-work';
import { UsedChallenges } from './used-challenges';

const key = randomBytes(32);
const inTenMinutes = () => new Date(Date.now() + 600_000);
const decode = (header: string) => JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('proof of work (ALTCHA format)', () => {
  it('accepts a solved challenge, and refuses it once expired', () => {
    const challenge = createChallenge(key, 1000, inTenMinutes());
    const header = solveChallenge(challenge)!;
    expect(verifySolution(key, header, Date.now())).toMatchObject({ ok: true, signature: challenge.signature });
    expect(verifySolution(key, header, Date.now() + 601_000)).toEqual({ ok: false });
  });

  it('refuses a wrong number, another key’s signature, a forged expiry and garbage', () => {
    const challenge = createChallenge(key, 1000, inTenMinutes());
    const solution = decode(solveChallenge(challenge)!);
    expect(verifySolution(key, encode({ ...solution, number: solution.number + 1 }), Date.now())).toEqual({ ok: false });
    expect(verifySolution(randomBytes(32), encode(solution), Date.now())).toEqual({ ok: false });
    // Moving the expiry changes the salt, so the hash no longer matches the signed challenge.
    const later = solution.salt.replace(/expires=\d+/, `expires=${Math.floor(Date.now() / 1000) + 86_400}`);
    expect(verifySolution(key, encode({ ...solution, salt: later }), Date.now())).toEqual({ ok: false });
    for (const junk of ['', 'not base64 json', encode({ algorithm: 'SHA-256' }), 'x'.repeat(5000)]) {
      expect(verifySolution(key, junk, Date.now())).toEqual({ ok: false });
    }
  });

  it('spends a solution once, in memory when there is no Redis', async () => {
    const used = new UsedChallenges(null, 'test:');
    const expiresAt = Date.now() + 60_000;
    expect(await used.spend('a'.repeat(64), expiresAt)).toBe(true);
    expect(await used.spend('a'.repeat(64), expiresAt)).toBe(false);
    expect(await used.spend('b'.repeat(64), expiresAt)).toBe(true);
  });
});
