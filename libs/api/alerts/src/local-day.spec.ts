import { localTime, previousDay, startOfLocalDay } from './local-day';

describe('local days', () => {
  it('reads the day and hour in the city time zone, across summer and winter time', () => {
    expect(localTime(new Date('2026-07-01T05:30:00Z'), 'Europe/Madrid')).toEqual({
      day: '2026-07-01',
      hour: 7,
    });
    expect(localTime(new Date('2026-01-01T06:30:00Z'), 'Europe/Madrid')).toEqual({
      day: '2026-01-01',
      hour: 7,
    });
    expect(localTime(new Date('2026-01-01T23:30:00Z'), 'Europe/Madrid')).toEqual({
      day: '2026-01-02',
      hour: 0,
    });
  });

  it('finds local midnight, also on the days the clocks change', () => {
    expect(startOfLocalDay('2026-07-01', 'Europe/Madrid').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Europe/Madrid').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Madrid').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', 'Europe/Madrid').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('steps back over month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
  });
});
