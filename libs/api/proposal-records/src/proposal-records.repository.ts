import { Injectable } from '@nestjs/common';
import type { ProposalStatus, ScreeningHold } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

interface StatusRow {
  status: ProposalStatus;
}

interface TitleRow {
  title: string;
}

/** The writes other libraries make to `proposals` (moderation, unsubscribe links), inside the caller's transaction. */
@Injectable()
export class ProposalRecordsRepository {
  /** The status, with the row locked for the caller's change. */
  async lockStatus(manager: EntityManager, id: string): Promise<ProposalStatus | null> {
    const [row] = await manager.query<StatusRow[]>(`SELECT status FROM proposals WHERE id = $1 FOR UPDATE`, [id]);
    return row?.status ?? null;
  }

  /** Moderation hides a proposal, remembering the status to restore. */
  async hide(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE proposals SET status_before_hidden = status, status = 'hidden', updated_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Screening found personal data in a new proposal: hidden until a moderator looks, with a
   * provisional decision (no decider, reason `personal_data`) that puts it in the moderation queue
   * with the hold's kinds and fields, and that the moderator confirms (hide) or lifts (restore to
   * `published`), as for a comment.
   */
  async holdForScreening(manager: EntityManager, id: string, authorId: string, hold: ScreeningHold): Promise<ProposalStatus> {
    const [row] = await manager.query<StatusRow[]>(
      `UPDATE proposals SET status_before_hidden = status, status = 'hidden', screening_hold = $2::jsonb, updated_at = now()
        WHERE id = $1
        RETURNING status_before_hidden AS status`,
      [id, JSON.stringify(hold)],
    );
    await manager.query<unknown[]>(
      `INSERT INTO moderation_decisions (target_type, target_id, author_id, kind, reason, previous_status)
       VALUES ('proposal', $1, $2, 'provisional', 'personal_data', $3)`,
      [id, authorId, row!.status],
    );
    return row!.status;
  }

  /** Moderation restores a hidden proposal to `to`; nothing happens when it is not hidden. */
  async restoreHidden(manager: EntityManager, id: string, to: ProposalStatus): Promise<void> {
    await manager.query<unknown[]>(`UPDATE proposals SET status = $2, status_before_hidden = NULL, updated_at = now() WHERE id = $1 AND status = 'hidden'`, [
      id,
      to,
    ]);
  }

  /** The title of a proposal that is not hidden (how unsubscribe pages name it). */
  async visibleTitle(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query<TitleRow[]>(`SELECT title FROM proposals WHERE id = $1 AND status <> 'hidden'`, [id]);
    return row?.title ?? null;
  }

  /** The author stops a proposal's updates; their own follow of it goes too. */
  async stopAuthorUpdates(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(
      `WITH p AS (UPDATE proposals SET author_updates_opt_out = true WHERE id = $1 RETURNING id, author_id)
       DELETE FROM follows f USING p WHERE f.target_type = 'proposal' AND f.target_id = p.id AND f.user_id = p.author_id`,
      [id],
    );
  }
}
