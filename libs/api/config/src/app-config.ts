import type { MapConfig } from './map-config';
import type { ParticipationConfig } from './participation-config';
import type { DeliveryConfig } from './delivery-config';
import type { ReportConfirmationConfig } from './report-confirmation-config';
import type { CityConfig } from './city-config';
import type { OpenDataConfig } from './open-data-config';
import type { AlertsSettings } from './alerts-config';
import type { MetricsSettings } from './metrics-config';
import type { StorageSettings } from './storage-config';
import type { PhotoSettings } from './photo-config';
import type { TrustProxy } from './http-config';
import type { AbuseSettings } from './abuse-config';
import type { RetentionConfig } from './retention-config';
import type { GeocoderConfig } from './geocoder-config';
import type { StatsSettings } from './stats-config';

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
  /** Which proxies may set the client's address in X-Forwarded-For (TRUST_PROXY): see http-config.ts. */
  trustProxy: TrustProxy;
  /**
   * Development only (no NODE_ENV=production, no PUBLIC_URL): a request whose Origin names the
   * same host it was sent to (its Host header) is accepted, so Plaza opened at
   * http://127.0.0.1:3000 or at the machine's network address (to try it on a phone) works.
   * In production, or once PUBLIC_URL is set, only PUBLIC_URL and TRUSTED_ORIGINS count.
   */
  sameHostOrigin: boolean;
  /** The address search service (GEOCODER_URL…): see geocoder-config.ts. */
  geocoder: GeocoderConfig;
  smtpUrl: string | null;
  production: boolean;
  /** The public map's base layer (TILE_URL…) and data-protection notice (PRIVACY_NOTICE_ES…): see map-config.ts. */
  tiles: MapConfig['tiles'];
  privacyNotice: MapConfig['privacyNotice'];
  alertsPrivacyNotice: MapConfig['alertsPrivacyNotice'];
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
  /** Open-data licence and publisher (OPEN_DATA_LICENCE, OPEN_DATA_PUBLISHER…): see open-data-config.ts. */
  openData: OpenDataConfig;
  /** How the public statistics follow changes (STATS_REFRESH_SECONDS): see stats-config.ts. */
  stats: StatsSettings;
  /** The daily alert digest (ALERT_DIGEST_HOUR, ALERT_DIGEST_WORKER): see alerts-config.ts. */
  alerts: AlertsSettings;
  /** The Prometheus endpoint (METRICS, METRICS_TOKEN): see metrics-config.ts. */
  metrics: MetricsSettings;
  /** Where photos are kept (STORAGE_URL): see storage-config.ts. */
  storage: StorageSettings;
  /** The photo processing queue (PHOTO_WORKERS, PHOTO_QUEUE_MAX, PHOTO_WORKER): see photo-config.ts. */
  photos: PhotoSettings;
  /** Public-route limits, proof of work, idempotency keys (ABUSE_*, IDEMPOTENCY_KEY_TTL_HOURS): see abuse-config.ts. */
  abuse: AbuseSettings;
  /** How long personal data is kept (RETENTION_CONTACT_DAYS, RETENTION_INACTIVE_DAYS): see retention-config.ts. */
  retention: RetentionConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
