import { createTestApp, type TestApp } from './create-test-app';

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
        // http://plaza.test: no HSTS, no upgrade of subresources.
        expect(headers['strict-transport-security']).toBeUndefined();
        expect(csp).not.toContain('upgrade-insecure-requests');
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
