import { readAlertsConfig } from './alerts-config';

describe('alerts configuration', () => {
  it('defaults to 7 a.m. in Madrid with the digest check on', () => {
    expect(readAlertsConfig({})).toEqual({ digestHour: 7, timeZone: 'Europe/Madrid', worker: true });
  });

  it('reads the hour, the time zone and the switch', () => {
    expect(
      readAlertsConfig({
        ALERT_DIGEST_HOUR: '0',
        CITY_TIME_ZONE: 'Atlantic/Canary',
        ALERT_DIGEST_WORKER: 'off',
      }),
    ).toEqual({
      digestHour: 0,
      timeZone: 'Atlantic/Canary',
      worker: false,
    });
  });

  it('refuses bad values, naming every one', () => {
    expect(() =>
      readAlertsConfig({
        ALERT_DIGEST_HOUR: '24',
        CITY_TIME_ZONE: 'Mars/Olympus',
        ALERT_DIGEST_WORKER: 'maybe',
      }),
    ).toThrow(/ALERT_DIGEST_HOUR[\s\S]*CITY_TIME_ZONE[\s\S]*ALERT_DIGEST_WORKER/);
    expect(() => readAlertsConfig({ ALERT_DIGEST_HOUR: '7.5' })).toThrow(/ALERT_DIGEST_HOUR/);
  });
});
