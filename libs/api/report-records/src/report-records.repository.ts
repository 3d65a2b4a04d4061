import { Injectable } from '@nestjs/common';
import type { ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

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
 * The writes other libraries make to `reports` (moderation, the console's intake, unsubscribe links),
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
}
