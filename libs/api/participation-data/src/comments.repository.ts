import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScreeningHold } from '@plaza/shared/contracts';
import type { ThreadType } from './targets.repository';

export interface CommentRow {
  id: string;
  parentId: string | null;
  authorId: string;
  body: string;
  staffRole: 'community_manager' | 'department_staff' | 'admin' | null;
  staffDepartment: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenProvisional: boolean;
  targetType: ThreadType;
  targetId: string;
}

const COLUMNS = `c.id::text AS id, c.parent_id::text AS "parentId", c.author_id AS "authorId", c.body,
  c.staff_role AS "staffRole", coalesce(d.name->>$LOCALE, d.name->>'es') AS "staffDepartment",
  c.created_at AS "createdAt", c.edited_at AS "editedAt", c.deleted_at AS "deletedAt",
  c.hidden_at AS "hiddenAt", c.hidden_reason AS "hiddenReason", c.hidden_provisional AS "hiddenProvisional",
  c.target_type AS "targetType", c.target_id::text AS "targetId"`;

const columns = (localeParam: number): string => COLUMNS.replace('$LOCALE', `$${localeParam}`);

@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The whole thread in posting order (a thread is small; the cap guards against abuse). */
  thread(manager: EntityManager, type: ThreadType, targetId: string, locale: string): Promise<CommentRow[]> {
    return manager.query<CommentRow[]>(
      `SELECT ${columns(3)} FROM comments c LEFT JOIN departments d ON d.id = c.staff_department_id
        WHERE c.target_type = $1 AND c.target_id = $2 ORDER BY c.id LIMIT 2000`,
      [type, targetId, locale],
    );
  }

  async find(manager: EntityManager, id: string, locale: string, lock = false): Promise<CommentRow | null> {
    const [row] = await manager.query<CommentRow[]>(
      `SELECT ${columns(2)} FROM comments c LEFT JOIN departments d ON d.id = c.staff_department_id
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id, locale],
    );
    return row ?? null;
  }

  async insert(
    manager: EntityManager,
    c: { type: ThreadType; targetId: string; parentId: string | null; authorId: string; body: string; staffRole: string | null; staffDepartmentId: string | null },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO comments (target_type, target_id, parent_id, author_id, body, staff_role, staff_department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [c.type, c.targetId, c.parentId, c.authorId, c.body, c.staffRole, c.staffDepartmentId],
    );
    if (c.type === 'proposal') {
      await manager.query<unknown[]>(`UPDATE proposals SET comment_count = comment_count + 1 WHERE id = $1`, [c.targetId]);
    }
    return row!.id;
  }

  async edit(manager: EntityManager, id: string, body: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE comments SET body = $2, edited_at = clock_timestamp() WHERE id = $1`, [id, body]);
  }

  /** Deleting keeps the row (and its replies): the thread keeps its shape behind a placeholder. */
  async markDeleted(manager: EntityManager, row: CommentRow): Promise<void> {
    await manager.query<unknown[]>(`UPDATE comments SET deleted_at = clock_timestamp() WHERE id = $1`, [row.id]);
    if (row.targetType === 'proposal') {
      await manager.query<unknown[]>(`UPDATE proposals SET comment_count = greatest(comment_count - 1, 0) WHERE id = $1`, [row.targetId]);
    }
  }

  /** Moderation hides a comment (provisionally while flags await a moderator). */
  async hide(manager: EntityManager, id: string, reason: string, provisional: boolean): Promise<void> {
    await manager.query<unknown[]>(`UPDATE comments SET hidden_at = clock_timestamp(), hidden_reason = $2, hidden_provisional = $3 WHERE id = $1`, [
      id,
      reason,
      provisional,
    ]);
  }

  /**
   * Screening found personal data in the comment: it is hidden until a moderator looks, with a
   * provisional decision (no decider) that puts it in the flag queue and that the moderator confirms
   * (hide) or lifts (dismiss) like a provisional hide caused by flags.
   */
  async holdForScreening(manager: EntityManager, id: string, authorId: string, hold: ScreeningHold): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE comments SET hidden_at = clock_timestamp(), hidden_reason = 'personal_data', hidden_provisional = true,
              screening_hold = $2::jsonb
        WHERE id = $1`,
      [id, JSON.stringify(hold)],
    );
    await manager.query<unknown[]>(
      `INSERT INTO moderation_decisions (target_type, target_id, author_id, kind, reason)
       VALUES ('comment', $1, $2, 'provisional', 'personal_data')`,
      [id, authorId],
    );
  }

  async confirmHidden(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE comments SET hidden_reason = $2, hidden_provisional = false WHERE id = $1`, [id, reason]);
  }

  async restore(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE comments SET hidden_at = NULL, hidden_reason = NULL, hidden_provisional = false WHERE id = $1`, [id]);
  }
}
