import { formatW3cDatetime, parseW3cDatetime } from './w3c-datetime';

describe('W3C datetimes', () => {
  it.each([
    ['2010-01-01T00:00:00Z', '2010-01-01T00:00:00.000Z'],
    ['1994-11-05T08:15:30-05:00', '1994-11-05T13:15:30.000Z'],
    ['1994-11-05T13:15:30.45+01:00', '1994-11-05T12:15:30.450Z'],
    ['2010-05-24T10:30Z', '2010-05-24T10:30:00.000Z'],
    ['2010-05-24', '2010-05-24T00:00:00.000Z'],
    ['2010-05', '2010-05-01T00:00:00.000Z'],
    ['2010', '2010-01-01T00:00:00.000Z'],
    ['2010-01-01T00:00:00 01:00', '2009-12-31T23:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseW3cDatetime(raw)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '2010-01-01T00:00:00',
    '2010-13-01',
    '2026-02-30',
    '2010-01-01T25:00:00Z',
    '2010-01-01 00:00:00Z',
    '1273449600',
  ])('refuses %j', (raw) => {
    expect(parseW3cDatetime(raw)).toBeNull();
  });

  it('writes UTC to the second with Z', () => {
    expect(formatW3cDatetime(new Date('2026-05-01T10:00:00.123Z'))).toBe('2026-05-01T10:00:00Z');
  });
});
