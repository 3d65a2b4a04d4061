import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationModeration, NotificationView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DECISION_COLUMNS, toDecisionView, type DecisionRow } from './decision-view';

interface NotificationRow {
  id: string;
  kind: NotificationView['kind'];
  data: NotificationView['data'];
  createdAt: Date;
  readAt: Date | null;
}

interface NotificationDecisionRow extends DecisionRow {
  thread_type: string | null;
  threadId: string | null;
  threadTitle: string | null;
  excerpt: string | null;
}

/**
 * A person's notifications inbox (`notifications`): moderation writes why content was hidden and how a
 * review ended; the notifications feature lists them and marks them read.
 */
@Injectable()
export class NotificationInboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notify(manager: EntityManager, userId: string, kind: NotificationView['kind'], data: Record<string, unknown>): Promise<void> {
    await manager.query<unknown[]>(`INSERT INTO notifications (user_id, kind, data) VALUES ($1, $2, $3::jsonb)`, [userId, kind, JSON.stringify(data)]);
  }

  /** Once per person and timeline entry (`data.eventId`), like the update mail it goes with. */
  async notifyOnce(manager: EntityManager, userId: string, kind: 'report_update' | 'proposal_update', data: Record<string, unknown>): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO notifications (user_id, kind, data)
       SELECT $1, $2, $3::jsonb
        WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE user_id = $1 AND kind = $2 AND data->>'eventId' = $3::jsonb->>'eventId')`,
      [userId, kind, JSON.stringify(data)],
    );
  }

  /** The newest 100, each about a decision with that decision as it stands now. */
  async list(userId: string): Promise<NotificationView[]> {
    const rows = await this.db.query<NotificationRow[]>(
      `SELECT id, kind, data, created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [userId],
    );
    const views: NotificationView[] = rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    }));
    const moderation = await this.moderation(userId, views);
    return views.map((v) => {
      const decisionId = v.data['decisionId'];
      return typeof decisionId === 'string' ? { ...v, moderation: moderation.get(decisionId) ?? null } : v;
    });
  }

  /**
   * The decisions the author's notifications talk about, as they stand now (the notification keeps what was
   * true when it was written), with the page to open. Only the caller's own decisions are read.
   */
  private async moderation(userId: string, views: NotificationView[]): Promise<Map<string, NotificationModeration>> {
    const ids = [...new Set(views.map((v) => v.data['decisionId']).filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<NotificationDecisionRow[]>(
      `WITH d AS (SELECT ${DECISION_COLUMNS}, target_id AS raw_id FROM moderation_decisions WHERE id = ANY($1::uuid[]) AND author_id = $2),
            t AS (SELECT d.*, c.body AS comment_body,
                         CASE WHEN d."targetType" = 'comment' THEN c.target_type ELSE d."targetType" END AS thread_type,
                         CASE WHEN d."targetType" = 'comment' THEN c.target_id ELSE d.raw_id END AS thread_raw
                    FROM d LEFT JOIN comments c ON d."targetType" = 'comment' AND c.id = d.raw_id)
       SELECT t.*, CASE t.thread_type WHEN 'report' THEN r.ref ELSE t.thread_raw::text END AS "threadId",
              coalesce(p.title, r.title) AS "threadTitle", left(t.comment_body, 140) AS excerpt
         FROM t
         LEFT JOIN proposals p ON t.thread_type = 'proposal' AND p.id = t.thread_raw
         LEFT JOIN reports r ON t.thread_type = 'report' AND r.id = t.thread_raw`,
      [ids, userId],
    );
    const found = new Map<string, NotificationModeration>();
    for (const r of rows) {
      const thread = (r.thread_type === 'proposal' || r.thread_type === 'report') && r.threadId
        ? { type: r.thread_type, id: r.threadId, title: r.threadTitle ?? '' } as const
        : null;
      // A report's public id is its ref, which is also its own thread's id.
      const publicId = r.targetType === 'report' && thread ? thread.id : r.targetId;
      found.set(r.id, { decision: toDecisionView(r, publicId), thread, excerpt: r.excerpt });
    }
    return found;
  }

  /** False when the notification does not exist or is someone else's. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH u AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING 1) SELECT 1 FROM u`,
      [id, userId],
    );
    return rows.length > 0;
  }
}
