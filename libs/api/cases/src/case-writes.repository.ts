import { Injectable } from '@nestjs/common';
import type { CasePriority, LocalizedText, NoteVisibility, ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { FollowsRepository } from '@plaza/api/participation-data';
import { ReportRecordsRepository, ReportTimeline, type CasePlacement, type LockedCase } from '@plaza/api/report-records';

export type { LockedCase } from '@plaza/api/report-records';

export interface NewEvent {
  reportId: string;
  actorId: string | null;
  from: ReportStatus | null;
  to: ReportStatus;
  message: string | null;
  isPublic: boolean;
  approvedBy?: string | null;
  departmentId?: string | null;
}

/** A reply draft locked for its approval or rejection. */
export interface LockedDraft {
  id: string;
  state: string;
  body: string;
  proposedStatus: ReportStatus | null;
  authorId: string;
  departmentId: string | null;
}

interface IdCodeRow {
  id: string;
  code: string;
}

/**
 * Every write the console's moves make, always inside the move's transaction. Writes to a report
 * go through the reports' own repository (report-records); drafts and notes are the cases' own.
 */
@Injectable()
export class CaseWritesRepository {
  constructor(
    private readonly timeline: ReportTimeline,
    private readonly follows: FollowsRepository,
    private readonly records: ReportRecordsRepository,
  ) {}

  lock(manager: EntityManager, ref: string): Promise<LockedCase | null> {
    return this.records.lockCase(manager, ref);
  }

  /** Marks the case changed; the returned time identifies the change on the live stream. */
  touch(manager: EntityManager, reportId: string): Promise<string> {
    return this.records.touch(manager, reportId);
  }

  setStatus(manager: EntityManager, reportId: string, status: ReportStatus): Promise<void> {
    return this.records.setStatus(manager, reportId, status);
  }

  /** A console move's entry on the report's timeline: by staff, or by the system when no one is named. */
  insertEvent(manager: EntityManager, e: NewEvent): Promise<string> {
    return this.timeline.append(manager, { ...e, actorKind: e.actorId ? 'staff' : 'system' });
  }

  setText(manager: EntityManager, reportId: string, title: string, description: string): Promise<void> {
    return this.records.setText(manager, reportId, title, description);
  }

  photo(manager: EntityManager, reportId: string, photoId: string): Promise<{ id: string; hidden: boolean } | null> {
    return this.records.photo(manager, reportId, photoId);
  }

  setPhotoHidden(manager: EntityManager, photoId: string, hidden: boolean): Promise<void> {
    return this.records.setPhotoHidden(manager, photoId, hidden);
  }

  setPlacement(manager: EntityManager, reportId: string, placement: CasePlacement): Promise<void> {
    return this.records.setPlacement(manager, reportId, placement);
  }

  assign(manager: EntityManager, reportId: string, departmentId: string): Promise<void> {
    return this.records.assign(manager, reportId, departmentId);
  }

  /** `name` is the Spanish name: the city's working language, in which internal timeline entries are written. */
  async activeDepartment(manager: EntityManager, id: string): Promise<(IdCodeRow & { name: LocalizedText }) | null> {
    const [row] = await manager.query<(IdCodeRow & { name: LocalizedText })[]>(
      `SELECT id, code, name FROM departments WHERE id = $1 AND active`,
      [id],
    );
    return row ?? null;
  }

  async activeCategory(manager: EntityManager, code: string): Promise<IdCodeRow | null> {
    const [row] = await manager.query<IdCodeRow[]>(`SELECT id, code FROM categories WHERE code = $1 AND active`, [code]);
    return row ?? null;
  }

  setPriority(manager: EntityManager, reportId: string, priority: CasePriority): Promise<void> {
    return this.records.setPriority(manager, reportId, priority);
  }

  /** The duplicate points to the original; its followers follow the original from now on. */
  async markDuplicate(manager: EntityManager, duplicateId: string, originalId: string): Promise<number> {
    await this.records.markDuplicateOf(manager, duplicateId, originalId);
    return this.follows.moveReportFollowers(manager, duplicateId, originalId);
  }

  async insertNote(
    manager: EntityManager,
    note: { reportId: string; authorId: string; body: string; visibility: NoteVisibility },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO internal_notes (report_id, author_id, body, visibility) VALUES ($1, $2, $3, $4) RETURNING id`,
      [note.reportId, note.authorId, note.body, note.visibility],
    );
    return row!.id;
  }

  referBack(manager: EntityManager, reportId: string, referral: { reason: string; by: string; departmentId: string | null }): Promise<void> {
    return this.records.referBack(manager, reportId, referral);
  }

  setScheduledFor(manager: EntityManager, reportId: string, date: string | null): Promise<void> {
    return this.records.setScheduledFor(manager, reportId, date);
  }

  async insertDraft(
    manager: EntityManager,
    draft: {
      reportId: string;
      authorId: string;
      departmentId: string | null;
      body: string;
      proposedStatus: ReportStatus | null;
      templateId: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO reply_drafts (report_id, author_id, department_id, body, proposed_status, template_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [draft.reportId, draft.authorId, draft.departmentId, draft.body, draft.proposedStatus, draft.templateId],
    );
    return row!.id;
  }

  async lockDraft(
    manager: EntityManager,
    reportId: string,
    draftId: string,
  ): Promise<LockedDraft | null> {
    const [row] = await manager.query<LockedDraft[]>(
      `SELECT id, state, body, proposed_status AS "proposedStatus", author_id AS "authorId", department_id AS "departmentId"
         FROM reply_drafts WHERE id = $1 AND report_id = $2 FOR UPDATE`,
      [draftId, reportId],
    );
    return row ?? null;
  }

  async decideDraft(
    manager: EntityManager,
    draftId: string,
    decision: { state: 'approved' | 'rejected'; by: string; body?: string; reason?: string; eventId?: string },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reply_drafts SET state = $2, decided_by = $3, decided_at = now(), body = coalesce($4, body),
                               rejection_reason = $5, published_event_id = $6
        WHERE id = $1`,
      [draftId, decision.state, decision.by, decision.body ?? null, decision.reason ?? null, decision.eventId ?? null],
    );
  }

  setFiledOnBehalf(manager: EntityManager, reportId: string, filedBy: string, channelDetails: string | null): Promise<void> {
    return this.records.setFiledOnBehalf(manager, reportId, filedBy, channelDetails);
  }

}
