import { delayUntilNextCheck, localClock, slotAt } from './schedule';

describe('slots', () => {
  it('aligns periodic slots on the epoch, so every replica computes the same one', () => {
    const tenMinutes = { everyMs: 10 * 60_000 };
    expect(slotAt(tenMinutes, new Date('2026-12-03T10:07:30Z'), 'Europe/Madrid')).toEqual({ key: '2026-12-03T10:00:00.000Z', due: true });
    expect(slotAt(tenMinutes, new Date('2026-12-03T10:10:00Z'), 'UTC').key).toBe('2026-12-03T10:10:00.000Z');
    expect(delayUntilNextCheck(tenMinutes, new Date('2026-12-03T10:07:30Z'))).toBe(150_000);
  });

  it('keys a daily job by the city’s local date and makes it due from its local time', () => {
    const daily = { dailyAt: '07:00' };
    // 05:30 UTC is 06:30 in Madrid in winter: not yet; 06:30 UTC is 07:30: due.
    expect(slotAt(daily, new Date('2026-12-03T05:30:00Z'), 'Europe/Madrid')).toEqual({ key: '2026-12-03', due: false });
    expect(slotAt(daily, new Date('2026-12-03T06:30:00Z'), 'Europe/Madrid')).toEqual({ key: '2026-12-03', due: true });
    // 23:30 UTC is already the next day in Madrid, not yet in New York.
    expect(slotAt(daily, new Date('2026-12-03T23:30:00Z'), 'Europe/Madrid').key).toBe('2026-12-04');
    expect(slotAt(daily, new Date('2026-12-03T23:30:00Z'), 'America/New_York')).toEqual({ key: '2026-12-03', due: true });
    expect(delayUntilNextCheck(daily, new Date('2026-12-03T06:30:20Z'))).toBe(40_000);
  });

  it('reads local time across the summer-time change and refuses a malformed time', () => {
    expect(localClock(new Date('2026-07-01T05:30:00Z'), 'Europe/Madrid')).toEqual({ date: '2026-07-01', minutes: 7 * 60 + 30 });
    expect(localClock(new Date('2026-12-31T23:00:00Z'), 'Europe/Madrid')).toEqual({ date: '2027-01-01', minutes: 0 });
    expect(() => slotAt({ dailyAt: '7:00' }, new Date(), 'UTC')).toThrow(RangeError);
  });
});
