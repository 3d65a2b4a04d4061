import type { CaseDue, ReportStatus } from '@plaza/shared/contracts';
import { businessDaysBetween, localDate } from '@plaza/shared/moderation';

/** Statuses with a running response-time clock: everything that still needs the city's work. */
export const CLOCK_STATUSES: readonly ReportStatus[] = [
  'unconfirmed',
  'confirmed',
  'investigating',
  'action_scheduled',
  'in_progress',
];

/**
 * The clock of one case as the console shows it. `dueAt` comes from the database
 * (plaza_business_due: end of the target's last business day in the city's time zone); the days
 * left are counted here with the same calendar and zone.
 */
export function caseDue(
  status: ReportStatus,
  dueAt: string | null,
  targetDays: number,
  now: Date,
  holidays: ReadonlySet<string>,
  timeZone: string,
): CaseDue | null {
  if (!dueAt || !CLOCK_STATUSES.includes(status)) return null;
  const overdue = now.getTime() > new Date(dueAt).getTime();
  const between = businessDaysBetween(localDate(now, timeZone), localDate(new Date(dueAt), timeZone), holidays, timeZone);
  // Overdue by at least one day, even when only a weekend or a holiday has passed since.
  const businessDaysLeft = overdue ? Math.min(between, -1) : between;
  return { dueAt, targetDays, businessDaysLeft, overdue };
}
