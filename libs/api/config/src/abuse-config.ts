type Env = Record<string, string | undefined>;

/**
 * Limits on the public routes that file reports or send mail, and the proof-of-work gate in
 * front of them (docs/security.md#abuse-limits, docs/decisions/0006). Every value has a default
 * sized for a real city: a neighbour filing ten reports on a walk never meets a limit.
 */
export interface AbuseSettings {
  /** Reports filed without a session from one client address per hour (ABUSE_REPORTS_PER_IP_HOUR, default 60). */
  reportsPerIpHour: number;
  /** Reports filed without a session for one email address per hour (ABUSE_REPORTS_PER_EMAIL_HOUR, default 20). */
  reportsPerEmailHour: number;
  /**
   * Unconfirmed reports of one address whose confirmation mail is still pending
   * (ABUSE_PENDING_CONFIRMATIONS_MAX, default 5): past it a report is accepted but mailed
   * nothing; the next confirmation link the reporter follows sends one digest of the rest.
   */
  pendingConfirmationsMax: number;
  /**
   * Requests to public mail-sending routes (anonymous filing, sign-in link, sign-up, alerts) from
   * one client address per hour before each further one must carry a solved proof of work
   * (ABUSE_CHALLENGE_AFTER, default 15; 0 asks it always): a neighbour filing ten reports on a
   * walk and asking for a sign-in link never sees it; past it a browser spends about a second.
   */
  challengeAfter: number;
  /** Largest secret number of a challenge (ABUSE_CHALLENGE_MAX_NUMBER, default 50000): the client's work is about half of it in SHA-256 hashes. */
  challengeMaxNumber: number;
  /** Hours an Idempotency-Key is remembered (IDEMPOTENCY_KEY_TTL_HOURS, default 24). */
  idempotencyKeyTtlHours: number;
}

const SETTINGS: Array<{ env: string; key: keyof AbuseSettings; fallback: number; min: number; max: number }> = [
  { env: 'ABUSE_REPORTS_PER_IP_HOUR', key: 'reportsPerIpHour', fallback: 60, min: 1, max: 1_000_000 },
  { env: 'ABUSE_REPORTS_PER_EMAIL_HOUR', key: 'reportsPerEmailHour', fallback: 20, min: 1, max: 1_000_000 },
  { env: 'ABUSE_PENDING_CONFIRMATIONS_MAX', key: 'pendingConfirmationsMax', fallback: 5, min: 1, max: 1000 },
  { env: 'ABUSE_CHALLENGE_AFTER', key: 'challengeAfter', fallback: 15, min: 0, max: 1_000_000 },
  { env: 'ABUSE_CHALLENGE_MAX_NUMBER', key: 'challengeMaxNumber', fallback: 50_000, min: 100, max: 10_000_000 },
  { env: 'IDEMPOTENCY_KEY_TTL_HOURS', key: 'idempotencyKeyTtlHours', fallback: 24, min: 1, max: 720 },
];

export function readAbuseSettings(env: Env, problems: string[]): { abuse: AbuseSettings } {
  const abuse = {} as AbuseSettings;
  for (const setting of SETTINGS) {
    const raw = env[setting.env]?.trim();
    const value = raw ? Number(raw) : setting.fallback;
    if (raw && (!/^\d+$/.test(raw) || value < setting.min || value > setting.max)) {
      problems.push(`${setting.env} must be a whole number from ${setting.min} to ${setting.max} (got "${raw}")`);
      abuse[setting.key] = setting.fallback;
    } else abuse[setting.key] = value;
  }
  return { abuse };
}
