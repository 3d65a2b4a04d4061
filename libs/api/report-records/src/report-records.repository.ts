import { Injectable } from '@nestjs/common';
import { filedReport } from '@plaza/api/database';
import type { CasePriority, ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

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
  /** Screening found personal data in its public text when it was filed (docs/moderation.md#screening). */
  heldForPersonalData: boolean;
}

/** Where a case is and who handles it, as a move sets it. */
export interface CasePlacement {
  categoryId: string;
  areaId: string | null;
  departmentId: string | null;
  lon: number;
  lat: number;
  address: string | null;
}

// The same format as the cases' other timestamps (ISO 8601 in UTC, milliseconds).
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface StatusRow {
  status: ReportStatus;
}

interface RefStatusRow {
  ref: string;
  status: ReportStatus;
}

interface LabelRow {
  ref: string;
  title: string;
}

/**
 * The writes other libraries make to `reports` (the console's moves, moderation, unsubscribe links),
 * and the small look-ups that go with them. Always inside the caller's transaction.
 */
@Injectable()
export class ReportRecordsRepository {
  async refAndStatus(manager: EntityManager, id: string): Promise<RefStatusRow | null> {
    const [row] = await manager.query<RefStatusRow[]>(`SELECT ref, status FROM reports WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The status, with the row locked for the caller's change. */
  async lockStatus(manager: EntityManager, id: string): Promise<ReportStatus | null> {
    const [row] = await manager.query<StatusRow[]>(`SELECT status FROM reports WHERE id = $1 FOR UPDATE`, [id]);
    return row?.status ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: ReportStatus): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** Moderation hides a report (its timeline entry is the caller's). */
  async hide(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET status = 'hidden', updated_at = now() WHERE id = $1`, [id]);
  }

  /** Moderation restores a hidden report to `to`; nothing happens when it is not hidden. */
  async restoreHidden(manager: EntityManager, id: string, to: ReportStatus): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET status = $2, updated_at = now() WHERE id = $1 AND status = 'hidden'`, [id, to]);
  }

  /** The public reference and title of a report that is not hidden (how unsubscribe pages name it). */
  async visibleLabel(manager: EntityManager, id: string): Promise<LabelRow | null> {
    const [row] = await manager.query<LabelRow[]>(`SELECT ref, title FROM reports WHERE id = $1 AND status <> 'hidden'`, [id]);
    return row ?? null;
  }

  /** The reporter stops a report's updates; their own follow of it goes too. */
  async stopReporterUpdates(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(
      `WITH r AS (UPDATE reports SET reporter_updates_opt_out = true WHERE id = $1 RETURNING id, reporter_email, to_jsonb(reports.*)->>'reporter_user_id' AS user_id)
       DELETE FROM follows f USING r, users u
        WHERE f.target_type = 'report' AND f.target_id = r.id AND u.id = f.user_id
          AND (u.id::text = r.user_id OR lower(u.email) = lower(r.reporter_email))`,
      [id],
    );
  }

  // ---- the console's moves on a case ----

  /** The duplicate points to the original (its followers are moved by the caller). */
  async markDuplicateOf(manager: EntityManager, duplicateId: string, originalId: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET duplicate_of_id = $2 WHERE id = $1`, [duplicateId, originalId]);
  }

  async lockCase(manager: EntityManager, ref: string): Promise<LockedCase | null> {
    const rows = await manager.query<LockedCase[]>(
      `SELECT r.id::text AS id, r.ref, r.status, r.title, r.description, r.category_id AS "categoryId",
              c.code AS "categoryCode", r.area_id AS "areaId", r.department_id AS "departmentId",
              coalesce(d.trusted_to_publish, false) AS "departmentTrusted", r.priority,
              ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.address,
              r.duplicate_of_id::text AS "duplicateOfId", ${iso('r.referred_at')} AS "referredAt",
              r.screening_hold IS NOT NULL AS "heldForPersonalData"
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
    placement: CasePlacement,
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
  async setPriority(manager: EntityManager, reportId: string, priority: CasePriority): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET priority = $2 WHERE id = $1`, [reportId, priority]);
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
  async setFiledOnBehalf(manager: EntityManager, reportId: string, filedBy: string, channelDetails: string | null): Promise<void> {
    await manager.query<unknown[]>(`UPDATE reports SET filed_by = $2, channel_details = $3 WHERE id = $1`, [
      reportId,
      filedBy,
      channelDetails,
    ]);
  }}
