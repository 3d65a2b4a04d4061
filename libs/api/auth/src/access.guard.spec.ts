import { jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@plaza/api/http';
import { Access, CrossOriginAllowed, type AccessRule } from './access.decorator';
import { AccessGuard } from './access.guard';
import { authContextOf, type AuthContext } from './auth-context';

const CSRF = 'c'.repeat(43);
const TOKEN = 't'.repeat(43);

function contextFor(user: Partial<AuthContext['user']>): AuthContext {
  return {
    user: { id: 'u1', email: 'a@b.c', name: 'A', roles: [], departments: [], locale: 'es', ...user },
    session: {
      id: 's1',
      csrfToken: CSRF,
      expiresAt: new Date(Date.now() + 60_000),
      createdAt: new Date(),
      method: 'password',
    },
  };
}

class Undeclared {
  handler(): void {}
}
class Declared {
  @Access('public') open(): void {}
  @Access('signed-in') anyone(): void {}
  @Access('community_manager', 'admin') managers(): void {}
  @Access('public') @CrossOriginAllowed() widget(): void {}
}
@Access('admin')
class AdminOnly {
  handler(): void {}
  @Access('public') override(): void {}
}

interface Call {
  controller: new () => object;
  handler: string;
  method?: string;
  headers?: Record<string, string>;
  session?: AuthContext | null;
  /** Development without PUBLIC_URL: an Origin equal to the request's own Host is accepted. */
  sameHostOrigin?: boolean;
}

async function run({ controller, handler, method = 'GET', headers = {}, session = null, sameHostOrigin = false }: Call) {
  const request = { method, headers, raw: {} };
  const reply = { header: jest.fn() };
  const resolver = { resolve: jest.fn(async (token: string) => (token === TOKEN ? session : null)) };
  const guard = new AccessGuard(new Reflector(), resolver as never, {
    publicUrl: 'https://plaza.example',
    trustedOrigins: [],
    sameHostOrigin,
  });
  const context = {
    getType: () => 'http',
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  try {
    const allowed = await guard.canActivate(context);
    return { allowed, code: null, auth: authContextOf(request as never), resolver, reply };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { allowed: false, code: error.code, auth: null, resolver, reply };
  }
}

const cookie = { cookie: `other=1; plaza_session=${TOKEN}` };

describe('AccessGuard', () => {
  it('fails closed: a route that declares nothing is refused, even to an admin', async () => {
    const result = await run({
      controller: Undeclared,
      handler: 'handler',
      headers: cookie,
      session: contextFor({ roles: ['admin'] }),
    });
    expect(result).toMatchObject({ allowed: false, code: 'AUTH.ACCESS_UNDECLARED' });
    expect(result.resolver.resolve).not.toHaveBeenCalled();
  });

  it('lets anyone call a public route and remembers who they are', async () => {
    expect(await run({ controller: Declared, handler: 'open' })).toMatchObject({ allowed: true, auth: null });
    const signedIn = await run({
      controller: Declared,
      handler: 'open',
      headers: cookie,
      session: contextFor({}),
    });
    expect(signedIn.auth?.user.id).toBe('u1');
  });

  it('answers 401 without a session and 403 without an allowed role', async () => {
    expect((await run({ controller: Declared, handler: 'anyone' })).code).toBe('AUTH.UNAUTHENTICATED');
    expect(
      (
        await run({
          controller: Declared,
          handler: 'anyone',
          headers: cookie,
          session: contextFor({ roles: ['citizen'] }),
        })
      ).allowed,
    ).toBe(true);
    expect(
      (
        await run({
          controller: Declared,
          handler: 'managers',
          headers: cookie,
          session: contextFor({ roles: ['citizen'] }),
        })
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await run({
          controller: Declared,
          handler: 'managers',
          headers: cookie,
          session: contextFor({ roles: ['department_staff'] }),
        })
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await run({
          controller: Declared,
          handler: 'managers',
          headers: cookie,
          session: contextFor({ roles: ['admin'] }),
        })
      ).allowed,
    ).toBe(true);
    const noStore = await run({
      controller: Declared,
      handler: 'managers',
      headers: cookie,
      session: contextFor({ roles: ['admin'] }),
    });
    expect(noStore.reply.header).toHaveBeenCalledWith('cache-control', 'no-store');
  });

  it('lets a method declaration override the controller one', async () => {
    expect((await run({ controller: AdminOnly, handler: 'handler' })).code).toBe('AUTH.UNAUTHENTICATED');
    expect((await run({ controller: AdminOnly, handler: 'override' })).allowed).toBe(true);
  });

  it('needs the CSRF token for unsafe methods on a session; public routes then run as anonymous', async () => {
    const admin = contextFor({ roles: ['admin'] });
    const post = (handler: string, headers: Record<string, string>) =>
      run({ controller: Declared, handler, method: 'POST', headers, session: admin });
    expect((await post('managers', cookie)).code).toBe('AUTH.CSRF_TOKEN_INVALID');
    expect((await post('managers', { ...cookie, 'x-csrf-token': 'x'.repeat(43) })).code).toBe(
      'AUTH.CSRF_TOKEN_INVALID',
    );
    expect((await post('managers', { ...cookie, 'x-csrf-token': CSRF })).allowed).toBe(true);
    expect(await post('open', cookie)).toMatchObject({ allowed: true, auth: null });
    // Safe methods need no token.
    expect(
      (await run({ controller: Declared, handler: 'managers', headers: cookie, session: admin })).allowed,
    ).toBe(true);
  });

  it('refuses unsafe requests from a foreign Origin, except anonymous ones to @CrossOriginAllowed routes', async () => {
    const admin = contextFor({ roles: ['admin'] });
    const headers = { ...cookie, 'x-csrf-token': CSRF };
    const from = (origin: string, handler = 'managers') =>
      run({
        controller: Declared,
        handler,
        method: 'DELETE',
        headers: { ...headers, origin },
        session: admin,
      });
    expect((await from('https://evil.example')).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    expect((await from('null')).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    expect((await from('https://evil.example', 'open')).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    expect((await from('https://plaza.example')).allowed).toBe(true);
    const widget = await from('https://evil.example', 'widget');
    expect(widget).toMatchObject({ allowed: true, auth: null });
    expect(widget.resolver.resolve).not.toHaveBeenCalled();
  });

  it("accepts the request's own origin in development only, when it matches the Host it was sent to", async () => {
    const admin = contextFor({ roles: ['admin'] });
    const send = (origin: string, host: string, sameHostOrigin: boolean) =>
      run({
        controller: Declared,
        handler: 'managers',
        method: 'DELETE',
        headers: { ...cookie, 'x-csrf-token': CSRF, origin, host },
        session: admin,
        sameHostOrigin,
      });
    // Development: 127.0.0.1 and the LAN address work, each on its own Host.
    expect((await send('http://127.0.0.1:3000', '127.0.0.1:3000', true)).allowed).toBe(true);
    expect((await send('http://192.168.1.20:3000', '192.168.1.20:3000', true)).allowed).toBe(true);
    // Another host, another port, or a non-web scheme is still foreign.
    expect((await send('http://evil.example', '127.0.0.1:3000', true)).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    expect((await send('http://127.0.0.1:4000', '127.0.0.1:3000', true)).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    expect((await send('null', 'null', true)).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
    // Production (or PUBLIC_URL set): the strict check, whatever the Host says.
    expect((await send('http://127.0.0.1:3000', '127.0.0.1:3000', false)).code).toBe('AUTH.ORIGIN_NOT_ALLOWED');
  });

  it('refuses to combine public or signed-in with other rules', () => {
    expect(() => Access('public', 'admin' as AccessRule)).toThrow(/cannot be combined/);
  });
});
