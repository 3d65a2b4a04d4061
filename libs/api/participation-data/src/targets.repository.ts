import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { PUBLIC_REPORT_STATUSES, type FlagTargetType } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { isNumericId } from './participation.errors';

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

interface ThreadRow {
  id: string;
  authorId: string | null;
  departmentId: string | null;
  visible: boolean;
}

interface FlagTargetRow {
  id: string;
  authorId: string | null;
  visible: boolean;
  excerpt: string;
}

interface ThreadMetaRow {
  publicId: string;
  authorId: string | null;
  departmentId: string | null;
}

/** Resolves public ids to rows. Kept apart so comments, follows and flags agree on what is public. */
@Injectable()
export class TargetsRepository {
  async thread(manager: EntityManager, type: ThreadType, publicId: string): Promise<Thread | null> {
    if (type === 'proposal') {
      if (!isNumericId(publicId)) return null;
      const [row] = await manager.query<ThreadRow[]>(
        `SELECT id::text AS id, author_id AS "authorId", department_id AS "departmentId", status <> 'hidden' AS visible
           FROM proposals WHERE id = $1`,
        [publicId],
      );
      return row ? { type, publicId, ...row } : null;
    }
    if (publicId.length > 40) return null;
    const [row] = await manager.query<Omit<ThreadRow, 'authorId'>[]>(
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
      const [row] = await manager.query<FlagTargetRow[]>(
        `SELECT id::text AS id, NULL::uuid AS "authorId", status = ANY($2::text[]) AS visible,
                left(title || ' — ' || description, 200) AS excerpt
           FROM reports WHERE ref = $1 AND (status = ANY($2::text[]) OR status = 'hidden') AND ${filedReport('reports')}`,
        [publicId, PUBLIC_REPORT_STATUSES],
      );
      return row ? { type, publicId, ...row } : null;
    }
    if (!isNumericId(publicId)) return null;
    if (type === 'proposal') {
      const [row] = await manager.query<FlagTargetRow[]>(
        `SELECT id::text AS id, author_id AS "authorId", status <> 'hidden' AS visible, left(title || ' — ' || summary, 200) AS excerpt
           FROM proposals WHERE id = $1`,
        [publicId],
      );
      return row ? { type, publicId, ...row } : null;
    }
    const [row] = await manager.query<FlagTargetRow[]>(
      `SELECT id::text AS id, author_id AS "authorId", hidden_at IS NULL AS visible, left(body, 200) AS excerpt
         FROM comments WHERE id = $1 AND deleted_at IS NULL`,
      [publicId],
    );
    return row ? { type, publicId, ...row } : null;
  }

  /** The thread a comment lives in, by its internal id (the comment exists, so the thread does). */
  async threadOf(manager: EntityManager, type: ThreadType, id: string): Promise<Thread> {
    const [meta] = await manager.query<ThreadMetaRow[]>(
      type === 'proposal'
        ? `SELECT id::text AS "publicId", author_id AS "authorId", department_id AS "departmentId" FROM proposals WHERE id = $1`
        : `SELECT ref AS "publicId", NULL::uuid AS "authorId", department_id AS "departmentId" FROM reports WHERE id = $1`,
      [id],
    );
    return { type, id, visible: true, ...meta! };
  }
}
