type Env = Record<string, string | undefined>;

/** The city Plaza serves. */
export interface CityConfig {
  /**
   * The city's IANA time zone (CITY_TIME_ZONE, default Europe/Madrid): business days, "the previous
   * day" of the alert digest, daily jobs and dates in replies are read in it.
   */
  timeZone: string;
  /** The city's name (CITY_NAME, default Madrid), given to the public map. */
  name: string;
  /** Where the public map opens on a first visit (CITY_CENTRE "lat,lon"). */
  centre: [lat: number, lon: number];
  /** The zoom it opens at (CITY_ZOOM, an integer 3–19). */
  zoom: number;
}

export const DEFAULT_CITY_TIME_ZONE = 'Europe/Madrid';
export const DEFAULT_CITY_NAME = 'Madrid';
export const DEFAULT_CITY_CENTRE: [lat: number, lon: number] = [40.4168, -3.7038];
export const DEFAULT_CITY_ZOOM = 12;
const CITY_ZOOM_MIN = 3;
const CITY_ZOOM_MAX = 19;

export function readCityConfig(env: Env, problems: string[]): { city: CityConfig } {
  return {
    city: {
      timeZone: readTimeZone(env, problems),
      name: env['CITY_NAME']?.trim() || DEFAULT_CITY_NAME,
      centre: readCentre(env, problems),
      zoom: readZoom(env, problems),
    },
  };
}

function readTimeZone(env: Env, problems: string[]): string {
  const timeZone = env['CITY_TIME_ZONE']?.trim() || DEFAULT_CITY_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    problems.push(`CITY_TIME_ZONE must be an IANA time zone such as Europe/Madrid (got "${timeZone}")`);
    return DEFAULT_CITY_TIME_ZONE;
  }
  return timeZone;
}

function readCentre(env: Env, problems: string[]): [lat: number, lon: number] {
  const raw = env['CITY_CENTRE']?.trim();
  if (!raw) return [...DEFAULT_CITY_CENTRE];
  const parts = raw.split(',').map((part) => part.trim());
  const [lat, lon] = parts.map(Number);
  const valid =
    parts.length === 2 &&
    parts.every((part) => part !== '') &&
    lat !== undefined &&
    lon !== undefined &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180;
  if (!valid) {
    problems.push(`CITY_CENTRE must be "latitude,longitude" in degrees, such as 40.4168,-3.7038 (got "${raw}")`);
    return [...DEFAULT_CITY_CENTRE];
  }
  return [lat, lon];
}

function readZoom(env: Env, problems: string[]): number {
  const raw = env['CITY_ZOOM']?.trim();
  if (!raw) return DEFAULT_CITY_ZOOM;
  const zoom = Number(raw);
  if (!/^\d+$/.test(raw) || zoom < CITY_ZOOM_MIN || zoom > CITY_ZOOM_MAX) {
    problems.push(`CITY_ZOOM must be an integer from ${CITY_ZOOM_MIN} to ${CITY_ZOOM_MAX} (got "${raw}")`);
    return DEFAULT_CITY_ZOOM;
  }
  return zoom;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
