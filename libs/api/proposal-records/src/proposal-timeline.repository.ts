import { Injectable } from '@nestjs/common';
import { TimelineListeners } from '@plaza/api/events';
import type { ProposalStatus, ProposalTimelineEntry } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

/** An entry to put on a proposal's timeline; what `ProposalTimeline.append` takes. */
export interface NewProposalEvent {
  proposalId: string;
  actorKind: ProposalTimelineEntry['by'];
  actorId: string | null;
  from: ProposalStatus | null;
  to: ProposalStatus;
  message: string | null;
}

interface InsertedIdRow {
  id: string;
}

/**
 * The one writer of `proposal_events`: inserts the entry, then runs the timeline listeners in the
 * caller's transaction.
 */
@Injectable()
export class ProposalTimeline {
  constructor(private readonly listeners: TimelineListeners) {}

  /** Returns the new entry's id. */
  async append(manager: EntityManager, event: NewProposalEvent): Promise<string> {
    const [row] = await manager.query<InsertedIdRow[]>(
      `INSERT INTO proposal_events (proposal_id, actor_kind, actor_id, from_status, to_status, message)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [event.proposalId, event.actorKind, event.actorId, event.from, event.to, event.message],
    );
    const eventId = row!.id;
    await this.listeners.proposalEventWritten(manager, { ...event, eventId });
    return eventId;
  }
}
