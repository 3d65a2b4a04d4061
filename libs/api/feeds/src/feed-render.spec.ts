import { rfc3339, rfc822 } from './feed-render';

describe('feed dates', () => {
  it('writes RFC 822 for RSS and RFC 3339 for Atom, both in UTC', () => {
    expect(rfc822('2026-05-02T10:03:04Z')).toBe('Sat, 02 May 2026 10:03:04 GMT');
    expect(rfc3339('2026-05-02T10:03:04.120Z')).toBe('2026-05-02T10:03:04Z');
  });
});
