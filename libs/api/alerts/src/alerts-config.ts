type Env = Record<string, string | undefined>;

/** When the daily digest goes out (docs/alerts.md, docs/operations.md). */
export interface AlertsConfig {
  /** Local hour, 0–23, at which the digest of the previous day is sent (ALERT_DIGEST_HOUR, default 7). */
  digestHour: number;
  /** The city's IANA time zone: "the previous day" and the digest hour are read in it (CITY_TIME_ZONE). */
  timeZone: string;
  /** Whether this process checks for a due digest every minute (ALERT_DIGEST_WORKER, default on). */
  worker: boolean;
}

export const ALERTS_CONFIG = Symbol('ALERTS_CONFIG');

/** Throws on a bad value, so a misconfigured deployment fails at boot rather than at 7 a.m. */
export function readAlertsConfig(env: Env = process.env): AlertsConfig {
  const problems: string[] = [];
  const hourRaw = env['ALERT_DIGEST_HOUR']?.trim();
  let digestHour = 7;
  if (hourRaw) {
    digestHour = Number(hourRaw);
    if (!/^\d{1,2}$/.test(hourRaw) || digestHour > 23) {
      problems.push(`ALERT_DIGEST_HOUR must be a whole hour from 0 to 23 (got "${hourRaw}")`);
    }
  }
  const timeZone = env['CITY_TIME_ZONE']?.trim() || 'Europe/Madrid';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`CITY_TIME_ZONE must be an IANA time zone such as Europe/Madrid (got "${timeZone}")`);
  }
  const workerRaw = env['ALERT_DIGEST_WORKER']?.trim().toLowerCase() || 'on';
  if (!['on', 'off', 'true', 'false'].includes(workerRaw)) {
    problems.push(`ALERT_DIGEST_WORKER must be on or off (got "${workerRaw}")`);
  }
  if (problems.length)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { digestHour, timeZone, worker: workerRaw === 'on' || workerRaw === 'true' };
}
