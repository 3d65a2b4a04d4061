/**
 * Response targets in business days. Days are calendar dates in the city's time zone (an IANA
 * zone, given by the caller: the API's CITY_TIME_ZONE); Saturdays, Sundays and the configured
 * holidays (national, regional and local, as 'YYYY-MM-DD') are not business days. A target is met
 * if the case is answered by the end of its due date.
 */

export type DateInput = Date | string;
export type Holidays = Iterable<string> | ReadonlySet<string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone; a plain date passes through. */
export function localDate(input: DateInput, timeZone: string): string {
  if (typeof input === 'string' && ISO_DATE.test(input)) return input;
  const instant = typeof input === 'string' ? new Date(input) : input;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${String(input)}`);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtcDay(date: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function shift(date: string, days: number): string {
  const day = toUtcDay(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function toSet(holidays: Holidays): ReadonlySet<string> {
  return holidays instanceof Set ? holidays : new Set(holidays);
}

export function isBusinessDay(date: string, holidays: Holidays = []): boolean {
  const weekday = toUtcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !toSet(holidays).has(date);
}

/**
 * The date `days` business days after `start`'s local date (before it when negative). With 0 the
 * start date itself is returned, even on a weekend.
 */
export function addBusinessDays(start: DateInput, days: number, holidays: Holidays, timeZone: string): string {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number: ${days}`);
  const off = toSet(holidays);
  const step = days < 0 ? -1 : 1;
  let date = localDate(start, timeZone);
  for (let left = Math.abs(days); left > 0; ) {
    date = shift(date, step);
    if (isBusinessDay(date, off)) left -= 1;
  }
  return date;
}

/**
 * Business days from `start` to `end` (local dates): the business days d with start < d ≤ end,
 * negative when end is before start. Same day → 0.
 */
export function businessDaysBetween(start: DateInput, end: DateInput, holidays: Holidays, timeZone: string): number {
  const off = toSet(holidays);
  const from = localDate(start, timeZone);
  const to = localDate(end, timeZone);
  if (from === to) return 0;
  const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let date = shift(low, 1); date <= high; date = shift(date, 1)) if (isBusinessDay(date, off)) count += 1;
  return sign * count;
}

export interface Deadline {
  /** Last local date on which the target is met. */
  dueDate: string;
  overdue: boolean;
  /** Business days still available after today (0 = due today); 0 when overdue. */
  businessDaysLeft: number;
  /** Business days past the due date (0 when not overdue, or overdue only by a weekend/holiday). */
  businessDaysOverdue: number;
}

/** Time left or overdue for a case opened at `openedAt` with a target of `targetDays` business days. */
export function deadline(
  openedAt: DateInput,
  targetDays: number,
  now: DateInput,
  holidays: Holidays,
  timeZone: string,
): Deadline {
  const off = toSet(holidays);
  const dueDate = addBusinessDays(openedAt, targetDays, off, timeZone);
  const today = localDate(now, timeZone);
  const overdue = today > dueDate;
  const between = businessDaysBetween(today, dueDate, off, timeZone);
  return {
    dueDate,
    overdue,
    businessDaysLeft: overdue ? 0 : between,
    businessDaysOverdue: overdue ? -between : 0,
  };
}
