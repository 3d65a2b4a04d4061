import { connect } from 'node:net';
import { createTestApp, type TestApp } from './create-test-app';

/** A raw request, for what fetch refuses to send (oversized headers); the whole answer as text. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

/** The headers every answer must carry, checked on a header map with lower-case names. */
function expectSecurityHeaders(headers: Record<string, string | undefined>, what: string): void {
  expect({ what, csp: headers['content-security-policy'] ?? '' }).toEqual({ what, csp: expect.stringContaining("frame-ancestors 'none'") });
  expect({ what, csp: headers['content-security-policy'] ?? '' }).toEqual({ what, csp: expect.stringContaining("default-src 'self'") });
  expect({ what, nosniff: headers['x-content-type-options'] }).toEqual({ what, nosniff: 'nosniff' });
  expect({ what, frame: headers['x-frame-options'] }).toEqual({ what, frame: 'DENY' });
  expect({ what, referrer: headers['referrer-policy'] }).toEqual({ what, referrer: 'strict-origin-when-cross-origin' });
}

describe('security headers and TRUST_PROXY (integration)', () => {
  describe('with a city tile server and no trusted proxy (the default)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ TILE_URL: 'https://{s}.tiles.example.org/city/{z}/{x}/{y}.png' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('sends a strict CSP admitting only this origin and the configured tile server, on answers and errors alike', async () => {
      for (const url of ['/api/v1/areas', '/health/live', '/api/v1/no-such-route']) {
        const { headers } = await t.inject({ method: 'GET', url });
        const csp = headers['content-security-policy'] ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tiles\.example\.org(;|$)/);
        expect(csp).not.toContain('openstreetmap');
        expect(headers['x-frame-options']).toBe('DENY');
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        // Helmet's other headers too (set once per request from helmetHeaders, as helmet would).
        expect(headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
        expect(headers['origin-agent-cluster']).toBe('?1');
        expect(headers['x-dns-prefetch-control']).toBe('off');
        expect(headers['x-permitted-cross-domain-policies']).toBe('none');
        expect(headers['x-xss-protection']).toBe('0');
        // http://plaza.test: no HSTS, no upgrade of subresources.
        expect(headers['strict-transport-security']).toBeUndefined();
        expect(csp).not.toContain('upgrade-insecure-requests');
      }
    });

    it("sends them on the framework's own refusals too: 414, 400 bad URL, 431, unknown routes", async () => {
      const longParam = await t.inject({ method: 'GET', url: `/api/v1/reports/${'a'.repeat(2000)}` });
      expect(longParam.statusCode).toBe(414);
      expectSecurityHeaders(longParam.headers, '414');

      const badUrl = await t.inject({ method: 'GET', url: '/api/v1/reports/%E0%A4%A' });
      expect(badUrl.statusCode).toBe(400);
      expectSecurityHeaders(badUrl.headers, '400 bad URL');

      for (const [method, url] of [
        ['POST', '/nothing/here'],
        ['DELETE', '/api/v1/reports'],
        ['GET', '/feeds/no-such-feed'],
      ] as const) {
        const unknown = await t.inject({ method, url });
        expect(unknown.statusCode).toBe(404);
        expectSecurityHeaders(unknown.headers, `${method} ${url}`);
      }

      // Refused by Node's HTTP parser before there is a request: written to the socket by hand.
      const port = Number(new URL(t.baseUrl).port);
      const raw = await rawRequest(port, `GET /api/v1/areas HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.1 431 /);
      const head = raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n').slice(1);
      const rawHeaders = Object.fromEntries(
        head.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      expectSecurityHeaders(rawHeaders, '431');
      // The same values helmet gives ordinary answers, not a look-alike set.
      const ordinary = (await t.inject({ method: 'GET', url: '/health/live' })).headers;
      for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
        expect({ name, value: rawHeaders[name] }).toEqual({ name, value: ordinary[name] });
        expect({ name, value: longParam.headers[name] }).toEqual({ name, value: ordinary[name] });
      }
    });

    it('does not let a client choose its address with X-Forwarded-For', async () => {
      // 10 sign-in link requests per address in 15 minutes: rotating the header must not help.
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await t.inject({
          method: 'POST',
          url: '/api/v1/auth/email-link',
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
          payload: { email: `nobody${i}@example.org` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toContain(429);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1) on https', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ TRUST_PROXY: '127.0.0.1', PUBLIC_URL: 'https://plaza.example.org' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('takes the client address from the proxy, so distinct clients are counted apart', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await t.inject({
          method: 'POST',
          url: '/api/v1/auth/email-link',
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
          payload: { email: `nobody${i}@example.org` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).not.toContain(429);
    });

    it('adds HSTS and upgrades subresources on https, with the default OpenStreetMap tiles', async () => {
      const { headers } = await t.inject({ method: 'GET', url: '/health/live' });
      expect(headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(headers['content-security-policy']).toContain('https://tile.openstreetmap.org');
    });
  });
});
