import type { MapConfig } from './map-config';
import type { ParticipationConfig } from './participation-config';
import type { DeliveryConfig } from './delivery-config';
import type { ReportConfirmationConfig } from './report-confirmation-config';
import type { CityConfig } from './city-config';
import type { AlertsSettings } from './alerts-config';
import type { MetricsSettings } from './metrics-config';
import type { StorageSettings } from './storage-config';

/** Everything the API reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the API starts its own embedded PostgreSQL + PostGIS under `dataDir`. */
  databaseUrl: string | null;
  /** Read replicas for public reads (DATABASE_READ_URL, comma-separated); empty: everything on the primary. */
  databaseReadUrls: string[];
  dataDir: string;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo city (Madrid's districts, departments, categories, reports) on first start. */
  demoData: boolean;
  /** Folder with the built public map and console, served on the same origin; null to serve the API only. */
  webRoot: string | null;
  redisUrl: string | null;
  /** Prefix of every Redis key Plaza writes, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  /**
   * Origins allowed to send state-changing requests besides PUBLIC_URL's own (e.g. a Vite dev
   * server). Requests carrying any other Origin are refused (see docs/security.md).
   */
  trustedOrigins: string[];
  smtpUrl: string | null;
  production: boolean;
  /** The public map's base layer (TILE_URL…) and data-protection notice (PRIVACY_NOTICE_ES…): see map-config.ts. */
  tiles: MapConfig['tiles'];
  privacyNotice: MapConfig['privacyNotice'];
  /** Proposal and discussion thresholds (PROPOSAL_SUPPORT_THRESHOLD…): see participation-config.ts. */
  participation: ParticipationConfig;
  /** Sender, unsubscribe signing and the outbox (MAIL_FROM, APP_SECRET, OUTBOX_*): see delivery-config.ts. */
  mailFrom: DeliveryConfig['mailFrom'];
  appSecret: DeliveryConfig['appSecret'];
  outbox: DeliveryConfig['outbox'];
  /** Hours an anonymous reporter has to confirm (REPORT_CONFIRMATION_TTL_HOURS): see report-confirmation-config.ts. */
  reportConfirmationTtlHours: ReportConfirmationConfig['reportConfirmationTtlHours'];
  /** The city served (CITY_TIME_ZONE): see city-config.ts. */
  city: CityConfig;
  /** The daily alert digest (ALERT_DIGEST_HOUR, ALERT_DIGEST_WORKER): see alerts-config.ts. */
  alerts: AlertsSettings;
  /** The Prometheus endpoint (METRICS, METRICS_TOKEN): see metrics-config.ts. */
  metrics: MetricsSettings;
  /** Where photos are kept (STORAGE_URL): see storage-config.ts. */
  storage: StorageSettings;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
