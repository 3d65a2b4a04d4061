import { Injectable } from '@nestjs/common';
import { TimelineListeners, type ReportTimelineEvent } from '@plaza/api/events';
import type { ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

/** An entry to put on a report's timeline; what `ReportTimeline.append` takes. */
export interface NewReportEvent {
  reportId: string;
  actorKind: ReportTimelineEvent['actorKind'];
  actorId: string | null;
  from: ReportStatus | null;
  to: ReportStatus;
  /** The public response or internal remark written with the change, if any. */
  message: string | null;
  isPublic: boolean;
  /** The staff member who approved a drafted reply. */
  approvedBy?: string | null;
  /** The department that wrote the message (department replies), when known. */
  departmentId?: string | null;
}

interface InsertedIdRow {
  id: string;
}

/**
 * The one writer of `report_events`: inserts the entry, then runs the timeline listeners in the
 * caller's transaction, so what the change causes (mails, alerts, dispatch) commits or rolls back with it.
 */
@Injectable()
export class ReportTimeline {
  constructor(private readonly listeners: TimelineListeners) {}

  /** Returns the new entry's id. */
  async append(manager: EntityManager, event: NewReportEvent): Promise<string> {
    const [row] = await manager.query<InsertedIdRow[]>(
      `INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public,
                                  approved_by, department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [
        event.reportId,
        event.actorKind,
        event.actorId,
        event.from,
        event.to,
        event.message,
        event.isPublic,
        event.approvedBy ?? null,
        event.departmentId ?? null,
      ],
    );
    const eventId = row!.id;
    await this.written(manager, eventId, event);
    return eventId;
  }

  /**
   * Runs the timeline listeners for an entry a writer inserted with its own SQL (filing a report
   * inserts its first entry in the same statement as the report), in the caller's transaction.
   */
  async written(manager: EntityManager, eventId: string, event: NewReportEvent): Promise<void> {
    await this.listeners.reportEventWritten(manager, {
      eventId,
      reportId: event.reportId,
      actorKind: event.actorKind,
      actorId: event.actorId,
      from: event.from,
      to: event.to,
      message: event.message,
      isPublic: event.isPublic,
      departmentId: event.departmentId ?? null,
    });
  }
}
