import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const key = unsubscribeKey('a'.repeat(40));
  const claim = { kind: 'report-updates', subject: '6f1c0d9e-3a52-4c2f-9a57-1b2f4c6d8e01' };

  it('round-trips the claim and is URL-safe', () => {
    const token = signUnsubscribeToken(key, claim);
    expect(token).toMatch(/^u1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(key, token)).toEqual(claim);
  });

  it('is deterministic, so a link is the same in every mail', () => {
    expect(signUnsubscribeToken(key, claim)).toBe(signUnsubscribeToken(key, claim));
  });

  it('refuses a token signed with another secret', () => {
    const other = unsubscribeKey('b'.repeat(40));
    expect(verifyUnsubscribeToken(other, signUnsubscribeToken(key, claim))).toBeNull();
  });

  it('refuses a claim changed after signing (another subject, another kind)', () => {
    const [version, , signature] = signUnsubscribeToken(key, claim).split('.');
    const forged = Buffer.from(JSON.stringify([claim.kind, 'someone-else'])).toString('base64url');
    expect(verifyUnsubscribeToken(key, `${version}.${forged}.${signature}`)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    for (const token of ['', 'u1', 'u1..', 'u2.a.b', 'u1.%%%.zz', 'x'.repeat(2_000)]) {
      expect(verifyUnsubscribeToken(key, token)).toBeNull();
    }
    // Well signed but not the expected shape.
    const body = Buffer.from(JSON.stringify({ kind: 'x' })).toString('base64url');
    const valid = signUnsubscribeToken(key, claim).split('.');
    expect(verifyUnsubscribeToken(key, `u1.${body}.${valid[2]}`)).toBeNull();
  });
});
