import type { ProposalTimelineEvent, ReportTimelineEvent } from '@plaza/api/events';
import { isPublicStatus, PROPOSAL_OUTCOMES, type ProposalOutcome, type ProposalStatus, type ReportStatus } from '@plaza/shared/contracts';

/** What a report timeline entry tells the reporter and the followers, when it tells them anything. */
export interface ReportNotice {
  kind: 'status' | 'response';
  status: ReportStatus;
  /** The public response to quote; never an internal remark. */
  message: string | null;
}

/**
 * Which report timeline entries people outside the city hall hear about:
 * - a move between two public statuses (work started, fixed, closed, reopened…), with its public
 *   response if it carries one;
 * - a public response that keeps the status.
 * Never: the report's creation (the reporter has just filed it and got the form's answer), its
 * publication by moderation or its coming back after being hidden (moves out of `unconfirmed` or
 * `hidden`: moderation business, and the reporter is told about publication by the reports
 * feature), hiding, and internal remarks (`isPublic` false: referrals back, moderation notes).
 */
export function reportNotice(event: ReportTimelineEvent): ReportNotice | null {
  if (event.from === null) return null;
  if (!isPublicStatus(event.from) || !isPublicStatus(event.to)) return null;
  const message = event.isPublic ? nonBlank(event.message) : null;
  if (event.from !== event.to) return { kind: 'status', status: event.to, message };
  return message ? { kind: 'response', status: event.to, message } : null;
}

/** What a proposal timeline entry tells the author and the followers. */
export interface ProposalNotice {
  kind: 'answer' | 'status';
  status: Exclude<ProposalStatus, 'hidden' | 'published'>;
  /** For `answer`, filled from `proposal_answers` by the caller; otherwise the public timeline message. */
  message: string | null;
}

const OUTCOMES: ReadonlySet<string> = new Set(PROPOSAL_OUTCOMES);

/**
 * Proposal timeline entries that matter to the author and the followers: the official answer
 * (accepted, partially accepted, rejected) and the other public moves (under evaluation, in
 * execution, completed, withdrawn). Not the creation, and nothing moderation does (hiding,
 * bringing back), which the discussion feature tells the author about itself.
 */
export function proposalNotice(event: ProposalTimelineEvent): ProposalNotice | null {
  if (event.from === null || event.from === event.to) return null;
  if (event.from === 'hidden' || event.to === 'hidden' || event.to === 'published') return null;
  const status = event.to as ProposalNotice['status'];
  if (OUTCOMES.has(status)) return { kind: 'answer', status, message: null };
  return { kind: 'status', status, message: nonBlank(event.message) };
}

export function isOutcome(status: string): status is ProposalOutcome {
  return OUTCOMES.has(status);
}

function nonBlank(text: string | null): string | null {
  return text && text.trim() ? text.trim() : null;
}
