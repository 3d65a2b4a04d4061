import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const config = loadConfig({}, '/srv/plaza');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/plaza/.data',
      publicUrl: 'http://localhost:3000',
      demoData: true,
      // Development without PUBLIC_URL: any local address the site is opened at may post forms.
      sameHostOrigin: true,
    });
  });

  it('keeps the strict origin check once PUBLIC_URL is set or in production', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://plaza.example' }).sameHostOrigin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db:5432/plaza' }).sameHostOrigin).toBe(false);
  });

  it('uses a real server without demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/plaza', PUBLIC_URL: 'https://plaza.example/' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db:5432/plaza', demoData: false, publicUrl: 'https://plaza.example' });
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO_DATA: 'maybe' });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    }
  });

  it('refuses to boot with a city centre or zoom out of range', () => {
    expect(() => loadConfig({ CITY_CENTRE: '140,-3.7' })).toThrow(/CITY_CENTRE/);
    expect(() => loadConfig({ CITY_ZOOM: '25' })).toThrow(/CITY_ZOOM/);
    expect(loadConfig({ CITY_NAME: 'Bilbao', CITY_CENTRE: '43.263,-2.935', CITY_ZOOM: '13' }).city).toMatchObject({
      name: 'Bilbao',
      centre: [43.263, -2.935],
      zoom: 13,
    });
  });

  it('reads trusted origins and the Redis key prefix', () => {
    const config = loadConfig({ TRUSTED_ORIGINS: 'http://localhost:5173/, https://console.example', REDIS_PREFIX: 'city:' });
    expect(config.trustedOrigins).toEqual(['http://localhost:5173', 'https://console.example']);
    expect(config.redisPrefix).toBe('city:');
    expect(loadConfig({}).redisPrefix).toBe('plaza:');
    expect(() => loadConfig({ TRUSTED_ORIGINS: 'ftp://x' })).toThrow(/TRUSTED_ORIGINS/);
  });

  it('refuses demo data in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true', DATABASE_URL: 'postgres://a@b/c' })).toThrow(/DEMO_DATA/);
  });
});

describe('loadConfig: delivery', () => {
  it('defaults to a two-day retry window with the worker on', () => {
    expect(loadConfig({})).toMatchObject({ mailFrom: null, appSecret: null, outbox: { retryHours: 48, worker: true, concurrency: 8 } });
  });

  it('reads the sender, the signing secret and the outbox settings', () => {
    const config = loadConfig({
      MAIL_FROM: 'Ayuntamiento <avisos@city.example>',
      APP_SECRET: 'x'.repeat(40),
      OUTBOX_RETRY_HOURS: '72',
      OUTBOX_WORKER: 'off',
      OUTBOX_CONCURRENCY: '16',
    });
    expect(config).toMatchObject({ mailFrom: 'Ayuntamiento <avisos@city.example>', outbox: { retryHours: 72, worker: false, concurrency: 16 } });
  });

  it('refuses a bad sender, a short secret and a bad retry window', () => {
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ APP_SECRET: 'short' })).toThrow(/APP_SECRET/);
    expect(() => loadConfig({ OUTBOX_RETRY_HOURS: '0' })).toThrow(/OUTBOX_RETRY_HOURS/);
    expect(() => loadConfig({ OUTBOX_WORKER: 'sometimes' })).toThrow(/OUTBOX_WORKER/);
    for (const bad of ['0', '2.5', 'many', '65', '-1']) {
      expect(() => loadConfig({ OUTBOX_CONCURRENCY: bad })).toThrow(/OUTBOX_CONCURRENCY must be a whole number of deliveries from 1 to 64/);
    }
  });
});

describe('loadConfig: confirmation of anonymous reports', () => {
  it('gives anonymous reporters 72 hours by default, or what REPORT_CONFIRMATION_TTL_HOURS says', () => {
    expect(loadConfig({}).reportConfirmationTtlHours).toBe(72);
    expect(loadConfig({ REPORT_CONFIRMATION_TTL_HOURS: '24' }).reportConfirmationTtlHours).toBe(24);
  });

  it('refuses a TTL that is not a whole number of hours from 1 to 720', () => {
    for (const bad of ['0', '1.5', 'abc', '721', '-3']) {
      expect(() => loadConfig({ REPORT_CONFIRMATION_TTL_HOURS: bad })).toThrow(/REPORT_CONFIRMATION_TTL_HOURS/);
    }
  });
});

describe('loadConfig: retention of personal data', () => {
  it('keeps contacts 365 days after a case closes and idle accounts 730 days by default', () => {
    expect(loadConfig({}).retention).toEqual({ contactDays: 365, inactiveDays: 730 });
    expect(loadConfig({ RETENTION_CONTACT_DAYS: '180', RETENTION_INACTIVE_DAYS: '1095' }).retention).toEqual({
      contactDays: 180,
      inactiveDays: 1095,
    });
  });

  it('refuses a period that is not a whole number of days from 30 to 3650', () => {
    for (const bad of ['0', '29', '1.5', 'abc', '3651', '-30']) {
      expect(() => loadConfig({ RETENTION_CONTACT_DAYS: bad })).toThrow(/RETENTION_CONTACT_DAYS/);
      expect(() => loadConfig({ RETENTION_INACTIVE_DAYS: bad })).toThrow(/RETENTION_INACTIVE_DAYS/);
    }
  });
});
