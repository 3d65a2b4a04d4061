import { clearedSessionCookie, readCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('reads the session cookie among others, quoted or not', () => {
    expect(readCookie('a=1; plaza_session=abc; b=2')).toBe('abc');
    expect(readCookie('plaza_session="abc"')).toBe('abc');
    expect(readCookie('xplaza_session=abc; plaza_sessionx=def')).toBeNull();
    expect(readCookie('plaza_session=')).toBeNull();
    expect(readCookie(undefined)).toBeNull();
  });

  it('is HttpOnly, SameSite=Lax, site-wide, and Secure only over HTTPS', () => {
    expect(sessionCookie('tok', { secure: false, maxAgeSeconds: 60 })).toBe(
      'plaza_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie('tok', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toBe(
      'plaza_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});
