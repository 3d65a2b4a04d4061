/**
 * Dates as the W3C note on date and time formats (https://www.w3.org/TR/NOTE-datetime) writes
 * them, which GeoReport v2 requires: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date with a time
 * (`hh:mm`, `hh:mm:ss`, `hh:mm:ss.s`) and a mandatory zone designator (`Z` or `±hh:mm`).
 * A bare date is the start of that day in UTC.
 */
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export function parseW3cDatetime(raw: string): Date | null {
  // An unencoded "+01:00" in a query string arrives as " 01:00": read it as the client meant it.
  const text = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const match = W3C.exec(text);
  if (!match) return null;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    fraction = '',
    zone = 'Z',
  ] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates JavaScript would roll over (2026-02-30) by checking the fields survive in that zone.
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  if (
    local.getUTCFullYear() !== Number(year) ||
    local.getUTCMonth() + 1 !== Number(month) ||
    local.getUTCDate() !== Number(day) ||
    local.getUTCHours() !== Number(hour) ||
    local.getUTCMinutes() !== Number(minute)
  ) {
    return null;
  }
  return date;
}

/** `2026-05-01T10:00:00Z`: UTC, to the second, with the zone designator the spec requires. */
export function formatW3cDatetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
