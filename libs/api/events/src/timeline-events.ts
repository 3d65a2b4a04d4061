import type { ReportStatus } from '@plaza/shared/contracts';

/**
 * One entry just written to a report's timeline (`report_events`), in the same transaction as the
 * change it records. Listeners use it to write what the change must cause — notifications, alerts,
 * messages to departments — into the outbox in that very transaction, so nothing is sent for a
 * change that rolls back and nothing is lost for one that commits.
 */
export interface ReportTimelineEvent {
  eventId: string;
  reportId: string;
  actorKind: 'citizen' | 'staff' | 'system';
  actorId: string | null;
  from: ReportStatus | null;
  to: ReportStatus;
  /** The public response or internal remark written with the change, if any. */
  message: string | null;
  isPublic: boolean;
  /** The department that wrote the message (department replies), when known. */
  departmentId: string | null;
}

/** One entry just written to a proposal's timeline (`proposal_events`). */
export interface ProposalTimelineEvent {
  eventId: string;
  proposalId: string;
  actorKind: string;
  actorId: string | null;
  from: string | null;
  to: string;
  message: string | null;
}
