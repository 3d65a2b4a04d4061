import { safeNextPath, signInLinkUrl } from './safe-next-path';

const BASE = 'https://plaza.example';

describe('landing path of a sign-in link', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath(undefined, BASE)).toBe('/');
    expect(safeNextPath('/console/', BASE)).toBe('/console/');
    expect(safeNextPath('/console/reports?status=open#top', BASE)).toBe('/console/reports?status=open#top');
    expect(safeNextPath('/a/../console', BASE)).toBe('/console');
  });

  it('refuses anything that could leave the origin', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'console',
      '/ok\nSet-Cookie: x',
      '/\u0000',
    ]) {
      expect(safeNextPath(next, BASE)).toBeNull();
    }
  });

  it('sends console links to the console, the others to the public site', () => {
    expect(signInLinkUrl(BASE, 'T', '/console/')).toBe('https://plaza.example/console/signin/link?token=T');
    expect(signInLinkUrl(BASE, 'T', '/console')).toBe('https://plaza.example/console/signin/link?token=T');
    expect(signInLinkUrl(BASE, 'T', '/consoles')).toBe('https://plaza.example/signin/link?token=T');
    expect(signInLinkUrl(BASE, 'T', '/reports/2026-000001')).toBe(
      'https://plaza.example/signin/link?token=T',
    );
  });
});
