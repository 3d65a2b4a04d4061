type Env = Record<string, string | undefined>;

/** How long personal data is kept (docs/privacy.md, "Retention"). */
export interface RetentionConfig {
  /**
   * Days after a case closes before its reporter's name, email and phone are erased
   * (RETENTION_CONTACT_DAYS, default 365: a year lets the city answer a follow-up or a complaint
   * about the answer, which Spanish administrative law allows within that time).
   */
  contactDays: number;
  /**
   * Days without a sign-in before a citizen account is erased (RETENTION_INACTIVE_DAYS, default
   * 730); the citizen is warned by mail 30 days before, and signing in keeps the account.
   */
  inactiveDays: number;
}

const LIMITS = { min: 30, max: 3650 };

function readDays(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < LIMITS.min || value > LIMITS.max) {
    problems.push(`${name} must be a whole number of days from ${LIMITS.min} to ${LIMITS.max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function readRetentionConfig(env: Env, problems: string[]): { retention: RetentionConfig } {
  return {
    retention: {
      contactDays: readDays(env, 'RETENTION_CONTACT_DAYS', 365, problems),
      inactiveDays: readDays(env, 'RETENTION_INACTIVE_DAYS', 730, problems),
    },
  };
}
