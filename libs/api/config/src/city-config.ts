type Env = Record<string, string | undefined>;

/** The city Plaza serves. */
export interface CityConfig {
  /**
   * The city's IANA time zone (CITY_TIME_ZONE, default Europe/Madrid): business days, "the previous
   * day" of the alert digest, daily jobs and dates in replies are read in it.
   */
  timeZone: string;
}

export const DEFAULT_CITY_TIME_ZONE = 'Europe/Madrid';

export function readCityConfig(env: Env, problems: string[]): { city: CityConfig } {
  const timeZone = env['CITY_TIME_ZONE']?.trim() || DEFAULT_CITY_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    problems.push(`CITY_TIME_ZONE must be an IANA time zone such as Europe/Madrid (got "${timeZone}")`);
    return { city: { timeZone: DEFAULT_CITY_TIME_ZONE } };
  }
  return { city: { timeZone } };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
