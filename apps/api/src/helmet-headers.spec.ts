import { helmetHeaders } from './helmet-headers';

describe('helmetHeaders', () => {
  it("answers helmet's own headers for the options, nothing else", async () => {
    const headers = await helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      strictTransportSecurity: false,
    });
    expect(headers).toEqual({
      'content-security-policy': "default-src 'self';img-src 'self' data:",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'cross-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
  });

  it('includes HSTS when asked for', async () => {
    const headers = await helmetHeaders({ strictTransportSecurity: { maxAge: 31_536_000 } });
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
