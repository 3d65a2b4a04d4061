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
    });
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
