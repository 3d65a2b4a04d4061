import { addBusinessDays, businessDaysBetween, deadline, isBusinessDay, localDate } from './business-days';

// November–December 2026: Mon 30 Nov, Sun 6 Dec (Constitución), Tue 8 Dec (Inmaculada), Fri 25 Dec.
const HOLIDAYS = ['2026-12-08', '2026-12-25'];
const MADRID = 'Europe/Madrid';

describe('localDate', () => {
  it('takes the calendar date in Madrid, not in UTC', () => {
    expect(localDate('2026-11-30T23:30:00Z', MADRID)).toBe('2026-12-01');
    expect(localDate('2026-07-31T22:30:00Z', MADRID)).toBe('2026-08-01'); // summer time, UTC+2
    expect(localDate('2026-07-31T21:30:00Z', MADRID)).toBe('2026-07-31');
    expect(localDate('2026-11-30T23:30:00Z', 'UTC')).toBe('2026-11-30');
    expect(localDate('2026-11-30T23:30:00Z', 'Atlantic/Canary')).toBe('2026-11-30'); // another city, UTC+0 in winter
    expect(localDate('2026-12-01', MADRID)).toBe('2026-12-01');
  });

  it('refuses what is not a date', () => {
    expect(() => localDate('mañana', MADRID)).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2026-12-07')).toBe(true); // Monday
    expect(isBusinessDay('2026-12-05')).toBe(false); // Saturday
    expect(isBusinessDay('2026-12-06')).toBe(false); // Sunday
    expect(isBusinessDay('2026-12-08', HOLIDAYS)).toBe(false);
    expect(isBusinessDay('2026-12-08')).toBe(true);
  });
});

describe('addBusinessDays', () => {
  it('skips the weekend', () => {
    expect(addBusinessDays('2026-12-04', 1, [], MADRID)).toBe('2026-12-07'); // Fri + 1 → Mon
    expect(addBusinessDays('2026-12-05', 1, [], MADRID)).toBe('2026-12-07'); // Sat + 1 → Mon
  });

  it('skips a configured holiday', () => {
    expect(addBusinessDays('2026-12-04', 3, [], MADRID)).toBe('2026-12-09');
    expect(addBusinessDays('2026-12-04', 3, HOLIDAYS, MADRID)).toBe('2026-12-10');
    expect(addBusinessDays('2026-12-21', 5, new Set(HOLIDAYS), MADRID)).toBe('2026-12-29');
  });

  it('counts from the local date of an instant', () => {
    // 23:30 UTC on Friday 4 Dec is already Saturday 5 Dec in Madrid.
    expect(addBusinessDays('2026-12-04T23:30:00Z', 1, [], MADRID)).toBe('2026-12-07');
    expect(addBusinessDays('2026-12-04T23:30:00Z', 1, [], 'UTC')).toBe('2026-12-07');
    expect(addBusinessDays(new Date('2026-12-03T23:30:00Z'), 1, [], 'UTC')).toBe('2026-12-04');
    expect(addBusinessDays(new Date('2026-12-03T23:30:00Z'), 1, [], MADRID)).toBe('2026-12-07');
  });

  it('goes backwards with negative days and stays put with zero', () => {
    expect(addBusinessDays('2026-12-09', -1, HOLIDAYS, MADRID)).toBe('2026-12-07');
    expect(addBusinessDays('2026-12-06', 0, [], MADRID)).toBe('2026-12-06');
    expect(() => addBusinessDays('2026-12-06', 1.5, [], MADRID)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after the start up to the end', () => {
    expect(businessDaysBetween('2026-12-04', '2026-12-11', [], MADRID)).toBe(5);
    expect(businessDaysBetween('2026-12-04', '2026-12-11', HOLIDAYS, MADRID)).toBe(4);
    expect(businessDaysBetween('2026-12-07', '2026-12-07', [], MADRID)).toBe(0);
    expect(businessDaysBetween('2026-12-05', '2026-12-06', [], MADRID)).toBe(0);
  });

  it('is negative when the end is before the start', () => {
    expect(businessDaysBetween('2026-12-11', '2026-12-04', HOLIDAYS, MADRID)).toBe(-4);
  });
});

describe('deadline', () => {
  it('shows time left before the due date', () => {
    expect(deadline('2026-12-03T10:00:00Z', 5, '2026-12-04T09:00:00Z', HOLIDAYS, MADRID)).toEqual({
      dueDate: '2026-12-11',
      overdue: false,
      businessDaysLeft: 4,
      businessDaysOverdue: 0,
    });
  });

  it('is not overdue on the due date itself', () => {
    expect(deadline('2026-12-03', 5, '2026-12-11T22:00:00Z', HOLIDAYS, MADRID)).toMatchObject({ overdue: false, businessDaysLeft: 0 });
  });

  it('counts overdue business days, skipping the holiday', () => {
    // Due Fri 4 Dec; on Wed 9 Dec it is late by Mon 7 and Wed 9 (Tue 8 is a holiday).
    expect(deadline('2026-12-01', 3, '2026-12-09T12:00:00Z', HOLIDAYS, MADRID)).toEqual({
      dueDate: '2026-12-04',
      overdue: true,
      businessDaysLeft: 0,
      businessDaysOverdue: 2,
    });
    expect(deadline('2026-12-01', 3, '2026-12-09T12:00:00Z', [], MADRID)).toMatchObject({ businessDaysOverdue: 3 });
  });

  it('is overdue on the weekend after a Friday due date, by zero business days', () => {
    expect(deadline('2026-12-01', 3, '2026-12-05T12:00:00Z', [], MADRID)).toMatchObject({ overdue: true, businessDaysOverdue: 0 });
  });
});
