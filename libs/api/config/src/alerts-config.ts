type Env = Record<string, string | undefined>;

/** When the daily alert digest goes out (docs/alerts.md); its day is read in the city's time zone. */
export interface AlertsSettings {
  /** Local hour, 0–23, at which the digest of the previous day is sent (ALERT_DIGEST_HOUR, default 7). */
  digestHour: number;
  /** Whether this process sends the daily digest (ALERT_DIGEST_WORKER, default on). */
  worker: boolean;
}

export function readAlertsSettings(env: Env, problems: string[]): { alerts: AlertsSettings } {
  const hourRaw = env['ALERT_DIGEST_HOUR']?.trim();
  let digestHour = 7;
  if (hourRaw) {
    const value = Number(hourRaw);
    if (!/^\d{1,2}$/.test(hourRaw) || value > 23) {
      problems.push(`ALERT_DIGEST_HOUR must be a whole hour from 0 to 23 (got "${hourRaw}")`);
    } else digestHour = value;
  }
  const workerRaw = env['ALERT_DIGEST_WORKER']?.trim().toLowerCase() || 'on';
  if (!['on', 'off', 'true', 'false'].includes(workerRaw)) {
    problems.push(`ALERT_DIGEST_WORKER must be on or off (got "${workerRaw}")`);
  }
  return { alerts: { digestHour, worker: workerRaw === 'on' || workerRaw === 'true' } };
}
