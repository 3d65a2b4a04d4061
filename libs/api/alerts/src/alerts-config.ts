import type { AppConfig } from '@plaza/api/config';

/** When the daily digest goes out (docs/alerts.md, docs/operations.md). */
export interface AlertsConfig {
  /** Local hour, 0–23, at which the digest of the previous day is sent (ALERT_DIGEST_HOUR, default 7). */
  digestHour: number;
  /** The city's IANA time zone: "the previous day" and the digest hour are read in it (CITY_TIME_ZONE). */
  timeZone: string;
  /** Whether this process sends the daily digest (ALERT_DIGEST_WORKER, default on). */
  worker: boolean;
}

export const ALERTS_CONFIG = Symbol('ALERTS_CONFIG');

/** The digest's settings, from the configuration validated at boot (libs/api/config). */
export function alertsConfigFrom(config: Pick<AppConfig, 'alerts' | 'city'>): AlertsConfig {
  return { digestHour: config.alerts.digestHour, timeZone: config.city.timeZone, worker: config.alerts.worker };
}
