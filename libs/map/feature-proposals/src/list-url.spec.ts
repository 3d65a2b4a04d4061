import { describe, expect, it } from '@jest/globals';
import { apiQuery, listHref, parseListFilters } from './list-url';

describe('proposals list URL', () => {
  it('reads known filters and drops unknown values', () => {
    expect(parseListFilters('?q=+bancos+&sort=supports&status=accepted&theme=movilidad')).toEqual({
      q: 'bancos',
      sort: 'supports',
      status: 'accepted',
      theme: 'movilidad',
    });
    expect(parseListFilters('?sort=random&status=hidden')).toEqual({
      q: '',
      sort: '',
      status: '',
      theme: '',
    });
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    expect(listHref({ q: '', sort: '', status: '', theme: '' })).toBe('/proposals');
    const href = listHref({ q: 'árboles', sort: 'comments', status: '', theme: 'verde' });
    expect(parseListFilters(href.slice(href.indexOf('?')))).toEqual({
      q: 'árboles',
      sort: 'comments',
      status: '',
      theme: 'verde',
    });
  });

  it('asks for nearest only with a position', () => {
    const filters = { q: '', sort: 'nearest', status: '', theme: '' } as const;
    expect(apiQuery(filters, 0, 20, null)).toBe('limit=20&offset=0');
    expect(apiQuery(filters, 20, 20, { lat: 40.4, lon: -3.7 })).toBe(
      'sort=nearest&lat=40.400000&lon=-3.700000&limit=20&offset=20',
    );
  });
});
