import path from 'node:path';
import type { AppConfig } from './app-config';
import { readMapConfig } from './map-config';
import { readParticipationConfig } from './participation-config';
import { readDeliveryConfig } from './delivery-config';
import { readReportConfirmationConfig } from './report-confirmation-config';
import { readRetentionConfig } from './retention-config';
import { readStatsSettings } from './stats-config';
import { readCityConfig } from './city-config';
import { readOpenDataConfig } from './open-data-config';
import { readGeocoderConfig } from './geocoder-config';
import { readAlertsSettings } from './alerts-config';
import { readMetricsSettings } from './metrics-config';
import { readStorageSettings } from './storage-config';
import { readPhotoSettings } from './photo-config';
import { readTrustProxy } from './http-config';
import { readAbuseSettings } from './abuse-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the environment. Collects every problem before failing, so an operator
 * fixes a broken deployment in one pass instead of one variable per restart.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const production = env['NODE_ENV'] === 'production';

  const port = readPort(env, 'PORT', 3000, problems);
  const host = env['HOST']?.trim() || '0.0.0.0';
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const databaseReadUrls = readUrlList(env, 'DATABASE_READ_URL', ['postgres:', 'postgresql:'], problems);
  if (databaseReadUrls.length > 0 && !databaseUrl) {
    problems.push('DATABASE_READ_URL needs DATABASE_URL: read replicas follow a real primary, not the embedded database');
  }
  const dataDir = path.resolve(cwd, env['DATA_DIR']?.trim() || '.data');
  const publicUrl = (readUrl(env, 'PUBLIC_URL', ['http:', 'https:'], problems) ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  const redisUrl = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  const redisPrefix = env['REDIS_PREFIX']?.trim() || 'plaza:';
  const trustedOrigins = readOrigins(env, 'TRUSTED_ORIGINS', problems);
  const trustProxy = readTrustProxy(env, problems);
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems);
  const map = readMapConfig(env, problems);
  const participation = readParticipationConfig(env, problems);
  const delivery = readDeliveryConfig(env, problems);
  const reportConfirmation = readReportConfirmationConfig(env, problems);
  const city = readCityConfig(env, problems);
  const geocoder = readGeocoderConfig(env, problems);
  const alerts = readAlertsSettings(env, problems);
  const metrics = readMetricsSettings(env, problems);
  const storage = readStorageSettings(env, problems);
  const photos = readPhotoSettings(env, problems);
  const abuse = readAbuseSettings(env, problems);
  const openData = readOpenDataConfig(env, problems);
  const retention = readRetentionConfig(env, problems);
  const stats = readStatsSettings(env, problems);

  const logLevelRaw = env['LOG_LEVEL']?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevelRaw}")`);
  }

  // Demo data is the embedded default's companion; with a real database it must be asked for.
  const demoData = readBoolean(env, 'DEMO_DATA', databaseUrl === null, problems);
  if (demoData && production) {
    problems.push('DEMO_DATA cannot be enabled when NODE_ENV=production: demo accounts and keys are public');
  }

  const webRootRaw = env['WEB_ROOT']?.trim();
  const webRoot = webRootRaw === 'none' ? null : path.resolve(cwd, webRootRaw || 'dist/web');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    databaseUrl,
    databaseReadUrls,
    dataDir,
    publicUrl,
    logLevel: logLevelRaw as AppConfig['logLevel'],
    demoData,
    webRoot,
    redisUrl,
    redisPrefix,
    trustedOrigins,
    trustProxy,
    geocoder,
    sameHostOrigin: !production && !env['PUBLIC_URL']?.trim(),
    smtpUrl,
    production,
    ...map,
    ...participation,
    ...delivery,
    ...reportConfirmation,
    ...city,
    ...alerts,
    ...metrics,
    ...storage,
    ...photos,
    ...abuse,
    ...openData,
    ...retention,
    ...stats,
  };
}

function readPort(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535 (got "${raw}")`);
    return fallback;
  }
  return value;
}

function readUrl(env: Env, name: string, protocols: string[], problems: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must use ${protocols.join(' or ')} (got "${url.protocol}")`);
      return null;
    }
    return raw;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return null;
  }
}

function readUrlList(env: Env, name: string, protocols: string[], problems: string[]): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((item, index) => {
      const label = `${name} (item ${index + 1})`;
      return readUrl({ [label]: item }, label, protocols, problems) ?? [];
    });
}

function readOrigins(env: Env, name: string, problems: string[]): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const origins: string[] = [];
  for (const item of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    try {
      const url = new URL(item);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      origins.push(url.origin);
    } catch {
      problems.push(`${name} must be a comma-separated list of http(s) origins (got "${item}")`);
    }
  }
  return origins;
}

function readBoolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}
