import { isReportStatus, type ReportStatus } from '@plaza/shared/contracts';
import type { TranslationKey } from '@plaza/web/i18n';

/** The three groups citizens filter by, as FixMyStreet does: still open, fixed, closed otherwise. */
export const STATUS_GROUPS = {
  open: ['confirmed', 'investigating', 'action_scheduled', 'in_progress'],
  fixed: ['fixed'],
  closed: ['closed', 'duplicate', 'not_responsible', 'unable_to_fix', 'internal_referral'],
} as const satisfies Record<string, readonly ReportStatus[]>;

export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];

export function isStatusGroup(value: string): value is StatusGroup {
  return (STATUS_GROUP_NAMES as string[]).includes(value);
}

export function statusGroupOf(status: string): StatusGroup {
  for (const group of STATUS_GROUP_NAMES) {
    if ((STATUS_GROUPS[group] as readonly string[]).includes(status)) return group;
  }
  return 'open';
}

// One colour per group, each ≥ 4.5:1 against white so the white glyph on a marker stays legible.
// Colour is never the only carrier: every marker's name and every list entry state the status.
// The same four colours are classes in libs/map/ui/src/report-marker-tones.css (map markers are
// HTML strings, and the Content-Security-Policy refuses inline style attributes).
export type StatusTone = StatusGroup | 'in-progress';
const TONE_COLOURS: Record<StatusTone, string> = {
  open: '#c5221f',
  'in-progress': '#a04a00',
  fixed: '#137333',
  closed: '#4b5563',
};

export function statusTone(status: string): StatusTone {
  if (status === 'investigating' || status === 'action_scheduled' || status === 'in_progress') return 'in-progress';
  return statusGroupOf(status);
}

export function statusColour(status: string): string {
  return TONE_COLOURS[statusTone(status)];
}

/** Statuses come from the server as plain strings; an unknown one still gets a readable label. */
export function statusKey(status: string): TranslationKey {
  return (isReportStatus(status) ? `status.${status}` : 'status.unknown') as TranslationKey;
}

export function isOpenStatus(status: string): boolean {
  return statusGroupOf(status) === 'open' && isReportStatus(status);
}
