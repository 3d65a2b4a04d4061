import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import type { CasePriority, NoteVisibility, ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { FollowsRepository } from '@plaza/api/participation-data';
import { ReportTimeline } from '@plaza/api/report-records';
import { iso } from './case-sql';

/** A case locked for a move: what the moves decide on, and what the audit trail records. */
export interface LockedCase {
  id: string;
  ref: string;
  status: ReportStatus;
  title: string;
  description: string;
  categoryId: string;
  categoryCode: string;
  areaId: string | null;
  departmentId: string | null;
  departmentTrusted: boolean;
  priority: CasePriority;
  lon: number;
  lat: number;
  address: string | null;
  duplicateOfId: string | null;
  referredAt: string | null;
}

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

/** Every write the console's moves make, always inside the move's transaction. */
@Injectable()
export class CaseWritesRepository {
  constructor(
    private readonly timeline: ReportTimeline,
    private readonly follows: FollowsRepository,
  ) {}

  async lock(manager: EntityManager, ref: string): Promise<LockedCase | null> {
    const rows = await manager.query<LockedCase[]>(
      `SELECT r.id::text AS id, r.ref, r.status, r.title, r.description, r.category_id AS "categoryId",
              c.code AS "categoryCode", r.area_id AS "areaId", r.department_id AS "departmentId",
              coalesce(d.trusted_to_publish, false) AS "departmentTrusted", r.priority,
              ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.address,
              r.duplicate_of_id::text AS "duplicateOfId", ${iso('r.referred_at')} AS "referredAt"
         FROM reports r
         JOIN categories c ON c.id = r.category_id
         LEFT JOIN departments d ON d.id = r.department_id
        WHERE r.ref = $1 AND ${filedReport('r')}
        FOR UPDATE OF r`,
      [ref],
    );
    return rows[0] ?? null;
  }

  /** Marks the case changed; the returned time identifies the change on the live stream. */
  async touch(manager: EntityManager, reportId: string): Promise<string> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await manager.query<[Array<{ at: string }>, number]>(
      `UPDATE reports SET updated_at = clock_timestamp() WHERE id = $1 RETURNING ${iso('updated_at')} AS at`,
      [reportId],
    );
    return rows[0]!.at;
  }

  async setStatus(manager: EntityManager, reportId: string, status: ReportStatus): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET status = $2 WHERE id = $1`, [reportId, status]);
  }

  /** A console move's entry on the report's timeline: by staff, or by the system when no one is named. */
  insertEvent(manager: EntityManager, e: NewEvent): Promise<string> {
    return this.timeline.append(manager, { ...e, actorKind: e.actorId ? 'staff' : 'system' });
  }

  async setText(manager: EntityManager, reportId: string, title: string, description: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET title = $2, description = $3 WHERE id = $1`, [reportId, title, description]);
  }

  async photo(manager: EntityManager, reportId: string, photoId: string): Promise<{ id: string; hidden: boolean } | null> {
    const [row] = await manager.query<{ id: string; hidden: boolean }[]>(`SELECT id, hidden FROM report_photos WHERE id = $1 AND report_id = $2`, [
      photoId,
      reportId,
    ]);
    return row ?? null;
  }

  async setPhotoHidden(manager: EntityManager, photoId: string, hidden: boolean): Promise<void> {
    await manager.query<unknown[]>(`UPDATE report_photos SET hidden = $2 WHERE id = $1`, [photoId, hidden]);
  }

  async setPlacement(
    manager: EntityManager,
    reportId: string,
    placement: { categoryId: string; areaId: string | null; departmentId: string | null; lon: number; lat: number; address: string | null },
  ): Promise<void> {
    // Changing the category fires reports_due_at, which restarts the clock with the new target.
    await manager.query<unknown[]>(
      `UPDATE reports SET category_id = $2, area_id = $3, department_id = $4,
                          location = ST_SetSRID(ST_MakePoint($5, $6), 4326), address = $7
        WHERE id = $1`,
      [reportId, placement.categoryId, placement.areaId, placement.departmentId, placement.lon, placement.lat, placement.address],
    );
  }

  async assign(manager: EntityManager, reportId: string, departmentId: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reports SET department_id = $2, referred_at = NULL, referral_reason = NULL, referred_by = NULL,
                          referred_department_id = NULL
        WHERE id = $1`,
      [reportId, departmentId],
    );
  }

  async activeDepartment(manager: EntityManager, id: string): Promise<IdCodeRow | null> {
    const [row] = await manager.query<IdCodeRow[]>(`SELECT id, code FROM departments WHERE id = $1 AND active`, [id]);
    return row ?? null;
  }

  async activeCategory(manager: EntityManager, code: string): Promise<IdCodeRow | null> {
    const [row] = await manager.query<IdCodeRow[]>(`SELECT id, code FROM categories WHERE code = $1 AND active`, [code]);
    return row ?? null;
  }

  async setPriority(manager: EntityManager, reportId: string, priority: CasePriority): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET priority = $2 WHERE id = $1`, [reportId, priority]);
  }

  /** The duplicate points to the original; its followers follow the original from now on. */
  async markDuplicate(manager: EntityManager, duplicateId: string, originalId: string): Promise<number> {
    await manager.query<unknown[]>(`UPDATE reports SET duplicate_of_id = $2 WHERE id = $1`, [duplicateId, originalId]);
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

  async referBack(
    manager: EntityManager,
    reportId: string,
    referral: { reason: string; by: string; departmentId: string | null },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reports SET referred_at = now(), referral_reason = $2, referred_by = $3, referred_department_id = $4
        WHERE id = $1`,
      [reportId, referral.reason, referral.by, referral.departmentId],
    );
  }

  async setScheduledFor(manager: EntityManager, reportId: string, date: string | null): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET scheduled_for = $2 WHERE id = $1`, [reportId, date]);
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

  async setFiledOnBehalf(manager: EntityManager, reportId: string, filedBy: string, channelDetails: string | null): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET filed_by = $2, channel_details = $3 WHERE id = $1`, [
      reportId,
      filedBy,
      channelDetails,
    ]);
  }
}
