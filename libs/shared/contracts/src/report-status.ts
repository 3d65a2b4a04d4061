/**
 * Report statuses, modelled on FixMyStreet's states.
 * `unconfirmed` and `hidden` are never public; every other status is.
 */
export const REPORT_STATUSES = [
  'unconfirmed',
  'confirmed',
  'investigating',
  'action_scheduled',
  'in_progress',
  'fixed',
  'closed',
  'duplicate',
  'not_responsible',
  'unable_to_fix',
  'internal_referral',
  'hidden',
] as const;

export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type Open311Status = 'open' | 'closed';

const OPEN_STATUSES: ReadonlySet<ReportStatus> = new Set([
  'unconfirmed',
  'confirmed',
  'investigating',
  'action_scheduled',
  'in_progress',
]);

const PRIVATE_STATUSES: ReadonlySet<ReportStatus> = new Set(['unconfirmed', 'hidden']);

/** Statuses that end the work on a report; a department may reopen it, which FixMyStreet also allows. */
const CLOSED_STATUSES: readonly ReportStatus[] = [
  'fixed',
  'closed',
  'duplicate',
  'not_responsible',
  'unable_to_fix',
  'internal_referral',
];

const WORK_STATUSES: readonly ReportStatus[] = ['investigating', 'action_scheduled', 'in_progress'];

/**
 * Allowed moves. Hiding is possible from anywhere (moderation), and a hidden report can only
 * be brought back to `confirmed`, so that it re-enters the normal flow visibly.
 */
const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  unconfirmed: ['confirmed', 'hidden'],
  confirmed: [...WORK_STATUSES, ...CLOSED_STATUSES, 'hidden'],
  investigating: ['confirmed', 'action_scheduled', 'in_progress', ...CLOSED_STATUSES, 'hidden'],
  action_scheduled: ['investigating', 'in_progress', ...CLOSED_STATUSES, 'hidden'],
  in_progress: ['investigating', 'action_scheduled', ...CLOSED_STATUSES, 'hidden'],
  fixed: ['confirmed', 'closed', 'hidden'],
  closed: ['confirmed', 'hidden'],
  duplicate: ['confirmed', 'hidden'],
  not_responsible: ['confirmed', 'internal_referral', 'hidden'],
  unable_to_fix: ['confirmed', 'hidden'],
  internal_referral: ['confirmed', 'hidden'],
  hidden: ['confirmed'],
};

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(from: ReportStatus): readonly ReportStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isPublicStatus(status: ReportStatus): boolean {
  return !PRIVATE_STATUSES.has(status);
}

export function toOpen311Status(status: ReportStatus): Open311Status {
  return OPEN_STATUSES.has(status) ? 'open' : 'closed';
}

export const PUBLIC_REPORT_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter(isPublicStatus);
