import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BlockedUserView, FlagCount, FlagReason, FlagTargetType, FlaggedTarget, ModerationDecisionView, NotificationModeration, NotificationView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineListeners } from '@plaza/api/events';
import type { ReportStatus } from '@plaza/shared/contracts';

export interface DecisionRow {
  id: string;
  targetType: FlagTargetType;
  targetId: string;
  authorId: string | null;
  kind: 'provisional' | 'hidden';
  reason: string;
  note: string | null;
  previousStatus: string | null;
  decidedAt: Date;
  liftedAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewMessage: string | null;
  reviewOutcome: 'upheld' | 'reversed' | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
}

const DECISION_COLUMNS = `id, target_type AS "targetType", target_id::text AS "targetId", author_id AS "authorId", kind, reason, note,
  previous_status AS "previousStatus", decided_at AS "decidedAt", lifted_at AS "liftedAt",
  review_requested_at AS "reviewRequestedAt", review_message AS "reviewMessage", review_outcome AS "reviewOutcome",
  review_note AS "reviewNote", reviewed_at AS "reviewedAt"`;

/** Flags, moderation decisions, hiding and restoring content, blocks, follows and notifications. */
@Injectable()
export class ModerationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly timeline: TimelineListeners,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  // ---- flags ----

  /** False when this user flagged this target already. */
  async addFlag(manager: EntityManager, f: { type: FlagTargetType; id: string; userId: string; reason: FlagReason; details: string | null }): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO flags (target_type, target_id, user_id, reason, details) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [f.type, f.id, f.userId, f.reason, f.details],
    );
    return rows.length > 0;
  }

  async openFlaggers(manager: EntityManager, type: FlagTargetType, id: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(DISTINCT user_id)::int AS n FROM flags WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL`,
      [type, id],
    );
    return Number(row.n);
  }

  async resolveFlags(manager: EntityManager, type: FlagTargetType, id: string, resolution: 'hidden' | 'dismissed'): Promise<number> {
    const rows = await manager.query(
      `WITH u AS (UPDATE flags SET resolved_at = now(), resolution = $3
                   WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [type, id, resolution],
    );
    return Number(rows[0].n);
  }

  /** The moderation queue: flags grouped by target, open ones (or all), most flagged first. */
  async queue(open: boolean): Promise<FlaggedTarget[]> {
    const rows = await this.db.query(
      `WITH grouped AS (
         SELECT f.target_type, f.target_id, count(*)::int AS flags,
                jsonb_object_agg(r.reason, r.n) AS reasons,
                array_remove(array_agg(f.details ORDER BY f.created_at), NULL) AS details,
                min(f.created_at) AS first_at, max(f.created_at) AS last_at,
                bool_or(f.resolved_at IS NULL) AS has_open,
                (array_agg(f.resolution ORDER BY f.resolved_at DESC NULLS FIRST))[1] AS last_resolution
           FROM flags f
           -- Each flag joins its own reason's count exactly once, so count(*) stays the number of flags.
           JOIN (SELECT target_type, target_id, reason, count(*)::int AS n FROM flags
                  ${open ? 'WHERE resolved_at IS NULL' : ''} GROUP BY 1, 2, 3) r
             ON r.target_type = f.target_type AND r.target_id = f.target_id AND r.reason = f.reason
          ${open ? 'WHERE f.resolved_at IS NULL' : ''}
          GROUP BY f.target_type, f.target_id
       )
       SELECT g.target_type AS "targetType",
              CASE g.target_type WHEN 'report' THEN (SELECT ref FROM reports WHERE id = g.target_id) ELSE g.target_id::text END AS "targetId",
              g.flags, g.reasons, g.details, g.first_at AS "firstFlaggedAt", g.last_at AS "lastFlaggedAt",
              g.has_open, g.last_resolution, m.kind AS decision,
              CASE g.target_type
                WHEN 'comment' THEN (SELECT left(body, 200) FROM comments WHERE id = g.target_id)
                WHEN 'proposal' THEN (SELECT left(title || ' — ' || summary, 200) FROM proposals WHERE id = g.target_id)
                ELSE (SELECT left(title || ' — ' || description, 200) FROM reports WHERE id = g.target_id) END AS excerpt,
              CASE g.target_type
                WHEN 'comment' THEN (SELECT author_id FROM comments WHERE id = g.target_id)
                WHEN 'proposal' THEN (SELECT author_id FROM proposals WHERE id = g.target_id) END AS "authorId",
              -- A comment is judged in its thread: where it was posted and what it answers.
              c.target_type AS "threadType", c.parent_id::int AS "threadParent",
              CASE c.target_type WHEN 'report' THEN tr.ref ELSE c.target_id::text END AS "threadId",
              coalesce(tp.title, tr.title) AS "threadTitle"
         FROM grouped g
         LEFT JOIN moderation_decisions m ON m.target_type = g.target_type AND m.target_id = g.target_id AND m.lifted_at IS NULL
         LEFT JOIN comments c ON g.target_type = 'comment' AND c.id = g.target_id
         LEFT JOIN proposals tp ON c.target_type = 'proposal' AND tp.id = c.target_id
         LEFT JOIN reports tr ON c.target_type = 'report' AND tr.id = c.target_id
        ORDER BY g.has_open DESC, g.flags DESC, g.last_at DESC
        LIMIT 500`,
    );
    return rows.map((r: Record<string, unknown>) => {
      const state: FlaggedTarget['state'] =
        r['decision'] === 'provisional' ? 'hidden_provisionally' : r['decision'] === 'hidden' ? 'hidden' : r['has_open'] ? 'visible' : 'dismissed';
      return {
        targetType: r['targetType'] as FlagTargetType,
        targetId: r['targetId'] as string,
        excerpt: (r['excerpt'] as string | null) ?? '',
        flags: Number(r['flags']),
        reasons: r['reasons'] as FlaggedTarget['reasons'],
        details: r['details'] as string[],
        firstFlaggedAt: new Date(r['firstFlaggedAt'] as string).toISOString(),
        lastFlaggedAt: new Date(r['lastFlaggedAt'] as string).toISOString(),
        state,
        authorId: (r['authorId'] as string | null) ?? null,
        thread: r['threadType']
          ? {
              targetType: r['threadType'] as 'proposal' | 'report',
              targetId: r['threadId'] as string,
              title: (r['threadTitle'] as string | null) ?? '',
              parentId: r['threadParent'] === null ? null : Number(r['threadParent']),
            }
          : null,
      };
    });
  }

  /** The numbers behind the console's "Flags" link: open targets, provisional hides, pending reviews. */
  async counts(): Promise<FlagCount> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(DISTINCT (target_type, target_id))::int FROM flags WHERE resolved_at IS NULL) AS open,
              (SELECT count(*)::int FROM moderation_decisions WHERE kind = 'provisional' AND lifted_at IS NULL) AS provisional,
              (SELECT count(*)::int FROM moderation_decisions
                WHERE review_requested_at IS NOT NULL AND review_outcome IS NULL) AS reviews`,
    );
    return { open: Number(row.open), provisional: Number(row.provisional), reviews: Number(row.reviews) };
  }

  /** Blocked citizens, newest block first, with how much of their content is still public. */
  async blocks(): Promise<BlockedUserView[]> {
    const rows = await this.db.query(
      `SELECT b.user_id AS "userId", b.justification, b.blocked_at AS "blockedAt",
              ((SELECT count(*) FROM proposals p WHERE p.author_id = b.user_id AND p.status NOT IN ('hidden', 'withdrawn'))
               + (SELECT count(*) FROM comments c WHERE c.author_id = b.user_id AND c.hidden_at IS NULL AND c.deleted_at IS NULL))::int AS "visibleItems"
         FROM user_blocks b
        ORDER BY b.blocked_at DESC
        LIMIT 500`,
    );
    return rows.map((r: Record<string, unknown>) => ({
      userId: r['userId'] as string,
      justification: r['justification'] as string,
      blockedAt: new Date(r['blockedAt'] as string).toISOString(),
      visibleItems: Number(r['visibleItems']),
    }));
  }

  // ---- decisions ----

  async liveDecision(manager: EntityManager, type: FlagTargetType, id: string): Promise<DecisionRow | null> {
    const [row] = await manager.query(
      `SELECT ${DECISION_COLUMNS} FROM moderation_decisions WHERE target_type = $1 AND target_id = $2 AND lifted_at IS NULL FOR UPDATE`,
      [type, id],
    );
    return row ?? null;
  }

  async decision(manager: EntityManager, id: string): Promise<DecisionRow | null> {
    const [row] = await manager.query(`SELECT ${DECISION_COLUMNS} FROM moderation_decisions WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async insertDecision(
    manager: EntityManager,
    d: { type: FlagTargetType; id: string; authorId: string | null; kind: 'provisional' | 'hidden'; reason: string; note: string | null; previousStatus: string | null; decidedBy: string | null },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO moderation_decisions (target_type, target_id, author_id, kind, reason, note, previous_status, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [d.type, d.id, d.authorId, d.kind, d.reason, d.note, d.previousStatus, d.decidedBy],
    );
    return row.id;
  }

  async confirmDecision(manager: EntityManager, id: string, reason: string, note: string | null, decidedBy: string): Promise<void> {
    await manager.query(
      `UPDATE moderation_decisions SET kind = 'hidden', reason = $2, note = $3, decided_by = $4, decided_at = clock_timestamp() WHERE id = $1`,
      [id, reason, note, decidedBy],
    );
  }

  async liftDecision(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE moderation_decisions SET lifted_at = clock_timestamp() WHERE id = $1`, [id]);
  }

  async requestReview(manager: EntityManager, id: string, message: string): Promise<void> {
    await manager.query(`UPDATE moderation_decisions SET review_requested_at = clock_timestamp(), review_message = $2 WHERE id = $1`, [id, message]);
  }

  async recordReview(manager: EntityManager, id: string, outcome: 'upheld' | 'reversed', note: string, reviewer: string): Promise<void> {
    await manager.query(
      `UPDATE moderation_decisions SET review_outcome = $2, review_note = $3, reviewed_by = $4, reviewed_at = clock_timestamp() WHERE id = $1`,
      [id, outcome, note, reviewer],
    );
  }

  pendingReviews(): Promise<DecisionRow[]> {
    return this.db.query(
      `SELECT ${DECISION_COLUMNS} FROM moderation_decisions
        WHERE review_requested_at IS NOT NULL AND review_outcome IS NULL ORDER BY review_requested_at`,
    );
  }

  // ---- hiding and restoring the content itself ----

  /** Hides the content and returns the status it had (proposals and reports), to restore it later. */
  async hideContent(manager: EntityManager, type: FlagTargetType, id: string, reason: string, provisional: boolean, actorId: string | null): Promise<string | null> {
    if (type === 'comment') {
      await manager.query(
        `UPDATE comments SET hidden_at = clock_timestamp(), hidden_reason = $2, hidden_provisional = $3 WHERE id = $1`,
        [id, reason, provisional],
      );
      return null;
    }
    if (type === 'proposal') {
      const [row] = await manager.query(`SELECT status FROM proposals WHERE id = $1 FOR UPDATE`, [id]);
      if (row.status !== 'hidden') {
        await manager.query(
          `UPDATE proposals SET status_before_hidden = status, status = 'hidden', updated_at = now() WHERE id = $1`,
          [id],
        );
        await this.proposalEvent(manager, id, actorId, row.status, 'hidden', reason);
      }
      return row.status === 'hidden' ? null : row.status;
    }
    const [row] = await manager.query(`SELECT status FROM reports WHERE id = $1 FOR UPDATE`, [id]);
    if (row.status !== 'hidden') {
      await manager.query(`UPDATE reports SET status = 'hidden', updated_at = now() WHERE id = $1`, [id]);
      await this.reportEvent(manager, id, actorId, row.status, 'hidden', `moderation: ${reason}`);
    }
    return row.status === 'hidden' ? null : row.status;
  }

  /** Marks hidden content as confirmed (no longer provisional). */
  async confirmHidden(manager: EntityManager, type: FlagTargetType, id: string, reason: string): Promise<void> {
    if (type === 'comment') {
      await manager.query(`UPDATE comments SET hidden_reason = $2, hidden_provisional = false WHERE id = $1`, [id, reason]);
    }
  }

  async restoreContent(manager: EntityManager, type: FlagTargetType, id: string, previousStatus: string | null, actorId: string | null): Promise<void> {
    if (type === 'comment') {
      await manager.query(`UPDATE comments SET hidden_at = NULL, hidden_reason = NULL, hidden_provisional = false WHERE id = $1`, [id]);
      return;
    }
    if (type === 'proposal') {
      const to = previousStatus && previousStatus !== 'hidden' ? previousStatus : 'published';
      await manager.query(`UPDATE proposals SET status = $2, status_before_hidden = NULL, updated_at = now() WHERE id = $1 AND status = 'hidden'`, [id, to]);
      await this.proposalEvent(manager, id, actorId, 'hidden', to, null);
      return;
    }
    const to = previousStatus && previousStatus !== 'hidden' ? previousStatus : 'confirmed';
    await manager.query(`UPDATE reports SET status = $2, updated_at = now() WHERE id = $1 AND status = 'hidden'`, [id, to]);
    await this.reportEvent(manager, id, actorId, 'hidden', to, 'moderation: restored');
  }

  /** A moderation entry on a proposal's timeline, passed on to the timeline listeners. */
  private async proposalEvent(manager: EntityManager, proposalId: string, actorId: string | null, from: string, to: string, message: string | null): Promise<void> {
    const [row] = await manager.query(
      `INSERT INTO proposal_events (proposal_id, actor_kind, actor_id, from_status, to_status, message)
       VALUES ($1, 'moderation', $2, $3, $4, $5) RETURNING id::text AS id`,
      [proposalId, actorId, from, to, message],
    );
    await this.timeline.proposalEventWritten(manager, { eventId: row.id, proposalId, actorKind: 'moderation', actorId, from, to, message });
  }

  /** A moderation entry on a report's timeline: internal (the public sees the status, not the remark). */
  private async reportEvent(manager: EntityManager, reportId: string, actorId: string | null, from: string, to: string, message: string): Promise<void> {
    const actorKind = actorId ? 'staff' : 'system';
    const [row] = await manager.query(
      `INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public)
       VALUES ($1, $2, $3, $4, $5, $6, false) RETURNING id::text AS id`,
      [reportId, actorKind, actorId, from, to, message],
    );
    await this.timeline.reportEventWritten(manager, {
      eventId: row.id,
      reportId,
      actorKind,
      actorId,
      from: from as ReportStatus,
      to: to as ReportStatus,
      message,
      isPublic: false,
      departmentId: null,
    });
  }

  // ---- blocks ----

  async userRoles(manager: EntityManager, id: string): Promise<string[] | null> {
    const [row] = await manager.query(
      `SELECT coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    return row ? (row.roles as string[]) : null;
  }

  async block(manager: EntityManager, userId: string, justification: string, by: string): Promise<Date | null> {
    const [row] = await manager.query(
      `INSERT INTO user_blocks (user_id, justification, blocked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING blocked_at AS "blockedAt"`,
      [userId, justification, by],
    );
    return row?.blockedAt ?? null;
  }

  async unblock(manager: EntityManager, userId: string): Promise<{ justification: string } | null> {
    const [row] = await manager.query(
      `WITH d AS (DELETE FROM user_blocks WHERE user_id = $1 RETURNING justification) SELECT justification FROM d`,
      [userId],
    );
    return row ?? null;
  }

  /** Visible proposals and comments of a user (what "hide all their content" hides). */
  visibleContentOf(manager: EntityManager, userId: string): Promise<{ type: FlagTargetType; id: string }[]> {
    return manager.query(
      `SELECT 'proposal' AS type, id::text AS id FROM proposals WHERE author_id = $1 AND status <> 'hidden'
       UNION ALL
       SELECT 'comment', id::text FROM comments WHERE author_id = $1 AND hidden_at IS NULL AND deleted_at IS NULL`,
      [userId],
    );
  }

  // ---- notifications and follows ----

  async notify(manager: EntityManager, userId: string, kind: NotificationView['kind'], data: Record<string, unknown>): Promise<void> {
    await manager.query(`INSERT INTO notifications (user_id, kind, data) VALUES ($1, $2, $3::jsonb)`, [userId, kind, JSON.stringify(data)]);
  }

  async userContact(manager: EntityManager, userId: string): Promise<{ email: string; locale: string } | null> {
    const [row] = await manager.query(`SELECT email, locale FROM users WHERE id = $1 AND active`, [userId]);
    return row ?? null;
  }

  async notifications(userId: string): Promise<NotificationView[]> {
    const rows = await this.db.query(
      `SELECT id, kind, data, created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [userId],
    );
    const views: NotificationView[] = rows.map((r: NotificationView & { createdAt: Date; readAt: Date | null }) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    }));
    const moderation = await this.notificationModeration(userId, views);
    return views.map((v) => {
      const decisionId = v.data['decisionId'];
      return typeof decisionId === 'string' ? { ...v, moderation: moderation.get(decisionId) ?? null } : v;
    });
  }

  /**
   * The decisions the author's notifications talk about, as they stand now (the notification keeps what was
   * true when it was written), with the page to open. Only the caller's own decisions are read.
   */
  private async notificationModeration(userId: string, views: NotificationView[]): Promise<Map<string, NotificationModeration>> {
    const ids = [...new Set(views.map((v) => v.data['decisionId']).filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return new Map();
    const rows = await this.db.query(
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
    for (const r of rows as Array<DecisionRow & { thread_type: string | null; threadId: string | null; threadTitle: string | null; excerpt: string | null }>) {
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
    const rows = await this.db.query(
      `WITH u AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING 1) SELECT 1 FROM u`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async follow(manager: EntityManager, type: 'proposal' | 'report', id: string, userId: string, on: boolean): Promise<boolean> {
    const rows = on
      ? await manager.query(`INSERT INTO follows (target_type, target_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [type, id, userId])
      : await manager.query(`WITH d AS (DELETE FROM follows WHERE target_type = $1 AND target_id = $2 AND user_id = $3 RETURNING 1) SELECT 1 FROM d`, [type, id, userId]);
    return rows.length > 0;
  }

  async isFollowing(manager: EntityManager, type: 'proposal' | 'report', id: string, userId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM follows WHERE target_type = $1 AND target_id = $2 AND user_id = $3`, [type, id, userId]);
    return rows.length > 0;
  }

  async followers(manager: EntityManager, type: 'proposal' | 'report', id: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM follows WHERE target_type = $1 AND target_id = $2`, [type, id]);
    return Number(row.n);
  }
}

export function toDecisionView(row: DecisionRow, publicTargetId: string): ModerationDecisionView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: publicTargetId,
    kind: row.kind,
    reason: row.reason as ModerationDecisionView['reason'],
    note: row.note,
    decidedAt: new Date(row.decidedAt).toISOString(),
    liftedAt: iso(row.liftedAt),
    review: row.reviewRequestedAt
      ? {
          requestedAt: new Date(row.reviewRequestedAt).toISOString(),
          message: row.reviewMessage ?? '',
          outcome: row.reviewOutcome,
          note: row.reviewNote,
          reviewedAt: iso(row.reviewedAt),
        }
      : null,
  };
}
