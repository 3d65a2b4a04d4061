import { caseDue } from './due-clock';

const MADRID = 'Europe/Madrid';

const NONE = new Set<string>();
// Friday 15 May 2026 is San Isidro, Madrid's local holiday.
const SAN_ISIDRO = new Set(['2026-05-15']);
// End of Monday 18 May 2026 in Madrid (UTC+2).
const DUE = '2026-05-18T21:59:59.999Z';

describe('caseDue', () => {
  it('counts business days left, skipping weekends and holidays', () => {
    const wednesday = new Date('2026-05-13T10:00:00Z');
    expect(caseDue('confirmed', DUE, 3, wednesday, NONE, MADRID)).toEqual({
      dueAt: DUE,
      targetDays: 3,
      businessDaysLeft: 3,
      overdue: false,
    });
    expect(caseDue('confirmed', DUE, 3, wednesday, SAN_ISIDRO, MADRID)?.businessDaysLeft).toBe(2);
  });

  it('is due today until the end of the Madrid day, then overdue', () => {
    expect(caseDue('in_progress', DUE, 3, new Date('2026-05-18T21:00:00Z'), NONE, MADRID)).toMatchObject({
      businessDaysLeft: 0,
      overdue: false,
    });
    expect(caseDue('in_progress', DUE, 3, new Date('2026-05-18T22:30:00Z'), NONE, MADRID)).toMatchObject({
      businessDaysLeft: -1,
      overdue: true,
    });
    expect(caseDue('in_progress', DUE, 3, new Date('2026-05-21T10:00:00Z'), NONE, MADRID)?.businessDaysLeft).toBe(-3);
  });

  it('stops the clock once the case is closed, duplicated or hidden', () => {
    for (const status of ['fixed', 'closed', 'duplicate', 'hidden'] as const) {
      expect(caseDue(status, DUE, 3, new Date('2026-05-21T10:00:00Z'), NONE, MADRID)).toBeNull();
    }
  });
});
