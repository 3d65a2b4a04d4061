type Env = Record<string, string | undefined>;

/** Reliable delivery of notifications (docs/notifications.md). */
export interface DeliveryConfig {
  /** Sender of every email (MAIL_FROM), e.g. `Ayuntamiento <avisos@city.example>`; null: no-reply@ PUBLIC_URL's host. */
  mailFrom: string | null;
  /**
   * Signs unsubscribe links (APP_SECRET, at least 32 characters). Unset: a secret generated once and
   * kept in the database, so links in mails already sent survive restarts of an embedded install.
   */
  appSecret: string | null;
  outbox: {
    /** Hours a message keeps being retried before it is marked failed (OUTBOX_RETRY_HOURS, default 48). */
    retryHours: number;
    /** Whether this process runs the delivery worker (OUTBOX_WORKER, default true). */
    worker: boolean;
    /**
     * Deliveries one worker has in flight at once (OUTBOX_CONCURRENCY, default 8, 1–64); also the
     * SMTP pool's connections, so each delivery has its own connection.
     */
    concurrency: number;
  };
}

/** Eight SMTP connections deliver hundreds of mails a second to a nearby relay (docs/performance.md#mail-delivery). */
export const DEFAULT_OUTBOX_CONCURRENCY = 8;
/** Past this, a replica would hold more SMTP connections than relays usually accept from one client. */
export const MAX_OUTBOX_CONCURRENCY = 64;

const MAILBOX = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function readDeliveryConfig(env: Env, problems: string[]): DeliveryConfig {
  const mailFrom = env['MAIL_FROM']?.trim() || null;
  if (mailFrom !== null) {
    // Either a bare address or `Display name <address>`.
    const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
    if (!MAILBOX.test(address.trim())) problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${mailFrom}")`);
  }
  const appSecret = env['APP_SECRET']?.trim() || null;
  if (appSecret !== null && appSecret.length < 32) {
    problems.push('APP_SECRET must be at least 32 characters long (e.g. `openssl rand -base64 48`)');
  }
  const retryRaw = env['OUTBOX_RETRY_HOURS']?.trim();
  let retryHours = 48;
  if (retryRaw) {
    const value = Number(retryRaw);
    if (!Number.isFinite(value) || value < 1 || value > 24 * 30) {
      problems.push(`OUTBOX_RETRY_HOURS must be a number of hours from 1 to 720 (got "${retryRaw}")`);
    } else retryHours = value;
  }
  const workerRaw = env['OUTBOX_WORKER']?.trim().toLowerCase();
  let worker = true;
  if (workerRaw) {
    if (['true', '1', 'yes', 'on'].includes(workerRaw)) worker = true;
    else if (['false', '0', 'no', 'off'].includes(workerRaw)) worker = false;
    else problems.push(`OUTBOX_WORKER must be true or false (got "${workerRaw}")`);
  }
  const concurrencyRaw = env['OUTBOX_CONCURRENCY']?.trim();
  let concurrency = DEFAULT_OUTBOX_CONCURRENCY;
  if (concurrencyRaw) {
    const value = Number(concurrencyRaw);
    if (!Number.isInteger(value) || value < 1 || value > MAX_OUTBOX_CONCURRENCY) {
      problems.push(`OUTBOX_CONCURRENCY must be a whole number of deliveries from 1 to ${MAX_OUTBOX_CONCURRENCY} (got "${concurrencyRaw}")`);
    } else concurrency = value;
  }
  return { mailFrom, appSecret, outbox: { retryHours, worker, concurrency } };
}
