/** Everything the API reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the API starts its own embedded PostgreSQL + PostGIS under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo city (Madrid's districts, departments, categories, reports) on first start. */
  demoData: boolean;
  /** Folder with the built public map and console, served on the same origin; null to serve the API only. */
  webRoot: string | null;
  redisUrl: string | null;
  smtpUrl: string | null;
  production: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
