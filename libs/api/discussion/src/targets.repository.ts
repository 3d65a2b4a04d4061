import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { PUBLIC_REPORT_STATUSES, type FlagTargetType } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { isNumericId } from './discussion.errors';

export type ThreadType = 'proposal' | 'report';

/** Something people discuss: a proposal (by id) or a report (by ref). */
export interface Thread {
  type: ThreadType;
  /** Internal id (bigint as text). */
  id: string;
  /** What the public sees as its id: the proposal id or the report ref. */
  publicId: string;
  /** The proposal's author (reports have no account behind them). */
  authorId: string | null;
  departmentId: string | null;
  visible: boolean;
}

/** The thing a flag points at, with what moderation needs to know about it. */
export interface FlagTarget {
  type: FlagTargetType;
  id: string;
  publicId: string;
  authorId: string | null;
  visible: boolean;
  excerpt: string;
}

/** Resolves public ids to rows. Kept apart so comments, follows and flags agree on what is public. */
@Injectable()
export class TargetsRepository {
  async thread(manager: EntityManager, type: ThreadType, publicId: string): Promise<Thread | null> {
    if (type === 'proposal') {
      if (!isNumericId(publicId)) return null;
      const [row] = await manager.query(
        `SELECT id::text AS id, author_id AS "authorId", department_id AS "departmentId", status <> 'hidden' AS visible
           FROM proposals WHERE id = $1`,
        [publicId],
      );
      return row ? { type, publicId, ...row } : null;
    }
    if (publicId.length > 40) return null;
    const [row] = await manager.query(
      `SELECT id::text AS id, department_id AS "departmentId", status = ANY($2::text[]) AS visible
         FROM reports WHERE ref = $1 AND ${filedReport('reports')}`,
      [publicId, PUBLIC_REPORT_STATUSES],
    );
    return row ? { type, publicId, authorId: null, ...row } : null;
  }

  /** A flag target by its public id; for comments also the thread it lives in. */
  async flagTarget(manager: EntityManager, type: FlagTargetType, publicId: string): Promise<FlagTarget | null> {
    if (type === 'report') {
      if (publicId.length > 40) return null;
      const [row] = await manager.query(
        `SELECT id::text AS id, NULL::uuid AS "authorId", status = ANY($2::text[]) AS visible,
                left(title || ' — ' || description, 200) AS excerpt
           FROM reports WHERE ref = $1 AND (status = ANY($2::text[]) OR status = 'hidden') AND ${filedReport('reports')}`,
        [publicId, PUBLIC_REPORT_STATUSES],
      );
      return row ? { type, publicId, ...row } : null;
    }
    if (!isNumericId(publicId)) return null;
    if (type === 'proposal') {
      const [row] = await manager.query(
        `SELECT id::text AS id, author_id AS "authorId", status <> 'hidden' AS visible, left(title || ' — ' || summary, 200) AS excerpt
           FROM proposals WHERE id = $1`,
        [publicId],
      );
      return row ? { type, publicId, ...row } : null;
    }
    const [row] = await manager.query(
      `SELECT id::text AS id, author_id AS "authorId", hidden_at IS NULL AS visible, left(body, 200) AS excerpt
         FROM comments WHERE id = $1 AND deleted_at IS NULL`,
      [publicId],
    );
    return row ? { type, publicId, ...row } : null;
  }
}
