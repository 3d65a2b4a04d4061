import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DECISION_COLUMNS, type DecisionRow } from '@plaza/api/participation-data';
import type { FlagCount, FlagReason, FlagTargetType, FlaggedTarget, ScreeningHold } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

interface CountRow {
  n: number;
}

interface QueueRow {
  targetType: FlagTargetType;
  targetId: string;
  flags: number;
  reasons: FlaggedTarget['reasons'];
  details: string[];
  firstFlaggedAt: Date;
  lastFlaggedAt: Date;
  has_open: boolean;
  last_resolution: 'hidden' | 'dismissed' | null;
  decision: 'provisional' | 'hidden' | null;
  excerpt: string | null;
  authorId: string | null;
  threadType: 'proposal' | 'report' | null;
  threadParent: number | null;
  threadId: string | null;
  threadTitle: string | null;
  held: ScreeningHold | null;
}

interface FlagCountRow {
  open: number;
  provisional: number;
  reviews: number;
}

/** A piece of content "hide all their content" hides. */
export interface AuthoredContent {
  type: 'proposal' | 'comment';
  id: string;
}

/** Flags and moderation decisions, and what moderation reads about the people behind the content. */
@Injectable()
export class ModerationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  // ---- flags ----

  /** False when this user flagged this target already. */
  async addFlag(manager: EntityManager, f: { type: FlagTargetType; id: string; userId: string; reason: FlagReason; details: string | null }): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO flags (target_type, target_id, user_id, reason, details) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [f.type, f.id, f.userId, f.reason, f.details],
    );
    return rows.length > 0;
  }

  async openFlaggers(manager: EntityManager, type: FlagTargetType, id: string): Promise<number> {
    const [row] = await manager.query<CountRow[]>(
      `SELECT count(DISTINCT user_id)::int AS n FROM flags WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL`,
      [type, id],
    );
    return Number(row!.n);
  }

  async resolveFlags(manager: EntityManager, type: FlagTargetType, id: string, resolution: 'hidden' | 'dismissed'): Promise<number> {
    const rows = await manager.query<CountRow[]>(
      `WITH u AS (UPDATE flags SET resolved_at = now(), resolution = $3
                   WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [type, id, resolution],
    );
    return Number(rows[0]!.n);
  }

  /** The moderation queue: flags grouped by target, open ones (or all), most flagged first. */
  async queue(open: boolean): Promise<FlaggedTarget[]> {
    const rows = await this.db.query<QueueRow[]>(
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
         UNION ALL
         -- Content screening held (personal data) and nobody flagged: in the queue all the same.
         SELECT m.target_type, m.target_id, 0, '{}'::jsonb, '{}'::text[], m.decided_at, m.decided_at, true, NULL
           FROM moderation_decisions m
          WHERE m.lifted_at IS NULL AND m.kind = 'provisional' AND m.decided_by IS NULL AND m.reason = 'personal_data'
            AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.target_type = m.target_type AND f.target_id = m.target_id
                              ${open ? 'AND f.resolved_at IS NULL' : ''})
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
              coalesce(tp.title, tr.title) AS "threadTitle",
              CASE WHEN m.kind = 'provisional' THEN coalesce(c.screening_hold, hp.screening_hold) END AS held
         FROM grouped g
         LEFT JOIN moderation_decisions m ON m.target_type = g.target_type AND m.target_id = g.target_id AND m.lifted_at IS NULL
         LEFT JOIN comments c ON g.target_type = 'comment' AND c.id = g.target_id
         LEFT JOIN proposals hp ON g.target_type = 'proposal' AND hp.id = g.target_id
         LEFT JOIN proposals tp ON c.target_type = 'proposal' AND tp.id = c.target_id
         LEFT JOIN reports tr ON c.target_type = 'report' AND tr.id = c.target_id
        ORDER BY g.has_open DESC, g.flags DESC, g.last_at DESC
        LIMIT 500`,
    );
    return rows.map((r) => {
      const state: FlaggedTarget['state'] =
        r.decision === 'provisional' ? 'hidden_provisionally' : r.decision === 'hidden' ? 'hidden' : r.has_open ? 'visible' : 'dismissed';
      return {
        targetType: r.targetType,
        targetId: r.targetId,
        excerpt: r.excerpt ?? '',
        flags: Number(r.flags),
        reasons: r.reasons,
        details: r.details,
        firstFlaggedAt: new Date(r.firstFlaggedAt).toISOString(),
        lastFlaggedAt: new Date(r.lastFlaggedAt).toISOString(),
        state,
        authorId: r.authorId ?? null,
        thread: r.threadType
          ? {
              targetType: r.threadType,
              targetId: r.threadId as string,
              title: r.threadTitle ?? '',
              parentId: r.threadParent === null ? null : Number(r.threadParent),
            }
          : null,
        held: r.held ?? null,
      };
    });
  }

  /** The numbers behind the console's "Flags" link: open targets, provisional hides, pending reviews. */
  async counts(): Promise<FlagCount> {
    const [row] = await this.db.query<FlagCountRow[]>(
      `SELECT (SELECT count(*)::int FROM (SELECT target_type, target_id FROM flags WHERE resolved_at IS NULL
                                          UNION
                                          SELECT target_type, target_id FROM moderation_decisions
                                           WHERE lifted_at IS NULL AND kind = 'provisional' AND decided_by IS NULL
                                             AND reason = 'personal_data') t) AS open,
              (SELECT count(*)::int FROM moderation_decisions WHERE kind = 'provisional' AND lifted_at IS NULL) AS provisional,
              (SELECT count(*)::int FROM moderation_decisions
                WHERE review_requested_at IS NOT NULL AND review_outcome IS NULL) AS reviews`,
    );
    return { open: Number(row!.open), provisional: Number(row!.provisional), reviews: Number(row!.reviews) };
  }

  // ---- decisions ----

  async liveDecision(manager: EntityManager, type: FlagTargetType, id: string): Promise<DecisionRow | null> {
    const [row] = await manager.query<DecisionRow[]>(
      `SELECT ${DECISION_COLUMNS} FROM moderation_decisions WHERE target_type = $1 AND target_id = $2 AND lifted_at IS NULL FOR UPDATE`,
      [type, id],
    );
    return row ?? null;
  }

  async decision(manager: EntityManager, id: string): Promise<DecisionRow | null> {
    const [row] = await manager.query<DecisionRow[]>(`SELECT ${DECISION_COLUMNS} FROM moderation_decisions WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async insertDecision(
    manager: EntityManager,
    d: { type: FlagTargetType; id: string; authorId: string | null; kind: 'provisional' | 'hidden'; reason: string; note: string | null; previousStatus: string | null; decidedBy: string | null },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO moderation_decisions (target_type, target_id, author_id, kind, reason, note, previous_status, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [d.type, d.id, d.authorId, d.kind, d.reason, d.note, d.previousStatus, d.decidedBy],
    );
    return row!.id;
  }

  async confirmDecision(manager: EntityManager, id: string, reason: string, note: string | null, decidedBy: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE moderation_decisions SET kind = 'hidden', reason = $2, note = $3, decided_by = $4, decided_at = clock_timestamp() WHERE id = $1`,
      [id, reason, note, decidedBy],
    );
  }

  async liftDecision(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE moderation_decisions SET lifted_at = clock_timestamp() WHERE id = $1`, [id]);
  }

  async requestReview(manager: EntityManager, id: string, message: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE moderation_decisions SET review_requested_at = clock_timestamp(), review_message = $2 WHERE id = $1`, [id, message]);
  }

  async recordReview(manager: EntityManager, id: string, outcome: 'upheld' | 'reversed', note: string, reviewer: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE moderation_decisions SET review_outcome = $2, review_note = $3, reviewed_by = $4, reviewed_at = clock_timestamp() WHERE id = $1`,
      [id, outcome, note, reviewer],
    );
  }

  pendingReviews(): Promise<DecisionRow[]> {
    return this.db.query<DecisionRow[]>(
      `SELECT ${DECISION_COLUMNS} FROM moderation_decisions
        WHERE review_requested_at IS NOT NULL AND review_outcome IS NULL ORDER BY review_requested_at`,
    );
  }

  // ---- the people behind the content ----

  async userRoles(manager: EntityManager, id: string): Promise<string[] | null> {
    const [row] = await manager.query<{ roles: string[] }[]>(
      `SELECT coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    return row ? row.roles : null;
  }

  /** Visible proposals and comments of a user (what "hide all their content" hides). */
  visibleContentOf(manager: EntityManager, userId: string): Promise<AuthoredContent[]> {
    return manager.query<AuthoredContent[]>(
      `SELECT 'proposal' AS type, id::text AS id FROM proposals WHERE author_id = $1 AND status <> 'hidden'
       UNION ALL
       SELECT 'comment', id::text FROM comments WHERE author_id = $1 AND hidden_at IS NULL AND deleted_at IS NULL`,
      [userId],
    );
  }

  async userContact(manager: EntityManager, userId: string): Promise<{ email: string; locale: string } | null> {
    const [row] = await manager.query<{ email: string; locale: string }[]>(`SELECT email, locale FROM users WHERE id = $1 AND active`, [userId]);
    return row ?? null;
  }
}
