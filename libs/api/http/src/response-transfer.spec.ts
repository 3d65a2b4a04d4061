import { etagOf, matchesIfNoneMatch, negotiateEncoding, staticCacheControl } from './response-transfer';

describe('response transfer', () => {
  it('picks brotli, then gzip, honouring q=0 and *', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.5, br;q=0.1')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
  });

  it('tags a body by its bytes, and matches If-None-Match weakly, in lists and with *', () => {
    const tag = etagOf('{"type":"FeatureCollection"}');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    expect(etagOf(Buffer.from('{"type":"FeatureCollection"}'))).toBe(tag);
    expect(etagOf('{"type":"FeatureCollection","features":[]}')).not.toBe(tag);
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(tag.slice(2), tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });

  it('caches hashed assets for a year and revalidates everything else', () => {
    const year = 'public, max-age=31536000, immutable';
    expect(staticCacheControl('/srv/dist/web/assets/index-BX3k9aQz.js')).toBe(year);
    expect(staticCacheControl('/srv/dist/web/assets/index-BX3k9aQz.js.br')).toBe(year);
    expect(staticCacheControl('/srv/dist/web/console/assets/main-D5y7qhAS.css.gz')).toBe(year);
    expect(staticCacheControl('/srv/dist/web/index.html')).toBe('no-cache');
    expect(staticCacheControl('/srv/dist/web/console/index.html')).toBe('no-cache');
    expect(staticCacheControl('/srv/dist/web/favicon.svg')).toBe('no-cache');
    expect(staticCacheControl('/srv/dist/web/assets/logo.svg')).toBe('no-cache');
  });
});
