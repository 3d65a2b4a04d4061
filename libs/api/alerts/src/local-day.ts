/** Calendar arithmetic in the city's time zone, without a date library. */

export interface LocalTime {
  /** YYYY-MM-DD in the time zone. */
  day: string;
  hour: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** The day before `day` (YYYY-MM-DD), by the calendar. */
export function previousDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The instant local midnight starts `day` in `timeZone` (DST-safe: midnight exists in every zone
 * Plaza targets; the offset is read for that very day).
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // Offset of the zone at that moment, then corrected once in case the guess crossed a DST change.
  let guess = new Date(utcMidnight.getTime() - offsetMs(utcMidnight, timeZone));
  guess = new Date(utcMidnight.getTime() - offsetMs(guess, timeZone));
  return guess;
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
