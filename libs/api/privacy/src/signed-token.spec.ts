import { signClaims, verifyClaims } from './signed-token';

const SECRET = 'x'.repeat(48);

describe('signed privacy links', () => {
  it('accepts its own unexpired token for its purpose only', () => {
    const token = signClaims(SECRET, { purpose: 'email-change', subject: 'u1', value: 'new@example.org', exp: 2_000 });
    expect(verifyClaims(SECRET, token, 'email-change', 1_000)).toMatchObject({ subject: 'u1', value: 'new@example.org' });
    expect(verifyClaims(SECRET, token, 'email-change', 2_000)).toBeNull();
    expect(verifyClaims(SECRET, token, 'reporter-data', 1_000)).toBeNull();
    expect(verifyClaims('y'.repeat(48), token, 'email-change', 1_000)).toBeNull();
  });

  it('refuses a token whose claims were changed', () => {
    const token = signClaims(SECRET, { purpose: 'reporter-data', subject: 'a@example.org', exp: 2_000 });
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ purpose: 'reporter-data', subject: 'b@example.org', exp: 2_000 })).toString('base64url');
    expect(verifyClaims(SECRET, `${forged}.${signature}`, 'reporter-data', 1_000)).toBeNull();
    expect(verifyClaims(SECRET, 'garbage', 'reporter-data', 1_000)).toBeNull();
  });
});
