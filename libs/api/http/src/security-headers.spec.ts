import { contentSecurityPolicy, serializeCsp, tileSource } from './security-headers';

describe('content security policy', () => {
  it('admits the tile server of TILE_URL, a {s} subdomain as a wildcard, and nothing for a local path', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org');
    expect(tileSource('https://Tiles.City.ES:8443/wmts/{z}/{x}/{y}')).toBe('https://tiles.city.es:8443');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });

  it('allows no inline script or style and no framing', () => {
    const csp = serializeCsp(contentSecurityPolicy({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', publicUrl: 'http://localhost:3000' }));
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(serializeCsp(contentSecurityPolicy({ tileUrl: '/t/{z}/{x}/{y}', publicUrl: 'https://plaza.example.org' }))).toContain(
      'upgrade-insecure-requests',
    );
  });
});
