import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProposalTimelineEvent, ReportTimelineEvent } from './timeline-events';

export type TimelineListener<E> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * The in-transaction hook behind every timeline write. Features that react to a change (email to the
 * reporter, local alerts, dispatch to a department) register here instead of being called from each
 * place that writes a timeline entry, so a new write path cannot forget one of them.
 *
 * Listeners run one after another on the writer's transaction (PGlite has a single session: nothing
 * may run beside it) and a listener's failure aborts the change, which is the point: a change whose
 * consequences could not be recorded must not commit.
 */
@Injectable()
export class TimelineListeners {
  private readonly reportListeners: TimelineListener<ReportTimelineEvent>[] = [];
  private readonly proposalListeners: TimelineListener<ProposalTimelineEvent>[] = [];

  onReportEvent(listener: TimelineListener<ReportTimelineEvent>): void {
    this.reportListeners.push(listener);
  }

  onProposalEvent(listener: TimelineListener<ProposalTimelineEvent>): void {
    this.proposalListeners.push(listener);
  }

  async reportEventWritten(manager: EntityManager, event: ReportTimelineEvent): Promise<void> {
    for (const listener of this.reportListeners) await listener(manager, event);
  }

  async proposalEventWritten(manager: EntityManager, event: ProposalTimelineEvent): Promise<void> {
    for (const listener of this.proposalListeners) await listener(manager, event);
  }
}
