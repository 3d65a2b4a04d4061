type Env = Record<string, string | undefined>;

/** Confirmation of anonymous reports (docs/notifications.md). */
export interface ReportConfirmationConfig {
  /**
   * Hours an anonymous reporter has to follow the confirmation link; the report is deleted, with
   * its photos, when they have not (REPORT_CONFIRMATION_TTL_HOURS, default 72, 1 to 720).
   */
  reportConfirmationTtlHours: number;
}

export function readReportConfirmationConfig(env: Env, problems: string[]): ReportConfirmationConfig {
  const name = 'REPORT_CONFIRMATION_TTL_HOURS';
  const raw = env[name]?.trim();
  if (!raw) return { reportConfirmationTtlHours: 72 };
  const value = Number(raw);
  // A month at most: an unconfirmed report holds a stranger's personal data nobody may look at.
  if (!/^\d+$/.test(raw) || value < 1 || value > 720) {
    problems.push(`${name} must be a whole number of hours from 1 to 720 (got "${raw}")`);
    return { reportConfirmationTtlHours: 72 };
  }
  return { reportConfirmationTtlHours: value };
}
