import { ConfigError, loadConfig } from './load-config';

describe('loadConfig: alerts and the city time zone', () => {
  it('defaults to 7 a.m. in Madrid with the digest check on', () => {
    const config = loadConfig({});
    expect(config.alerts).toEqual({ digestHour: 7, worker: true });
    expect(config.city.timeZone).toBe('Europe/Madrid');
  });

  it('reads the hour, the time zone and the switch', () => {
    const config = loadConfig({ ALERT_DIGEST_HOUR: '0', CITY_TIME_ZONE: 'Atlantic/Canary', ALERT_DIGEST_WORKER: 'off' });
    expect(config.alerts).toEqual({ digestHour: 0, worker: false });
    expect(config.city.timeZone).toBe('Atlantic/Canary');
  });

  it('refuses bad values in the boot-time report, naming every one', () => {
    expect(() =>
      loadConfig({ ALERT_DIGEST_HOUR: '24', CITY_TIME_ZONE: 'Mars/Olympus', ALERT_DIGEST_WORKER: 'maybe' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ ALERT_DIGEST_HOUR: '24', CITY_TIME_ZONE: 'Mars/Olympus', ALERT_DIGEST_WORKER: 'maybe' });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toMatch(/ALERT_DIGEST_HOUR[\s\S]*ALERT_DIGEST_WORKER/);
      expect((error as ConfigError).problems.join('\n')).toMatch(/CITY_TIME_ZONE/);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
    expect(() => loadConfig({ ALERT_DIGEST_HOUR: '7.5' })).toThrow(/ALERT_DIGEST_HOUR/);
  });
});
