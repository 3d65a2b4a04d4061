import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ThreadType } from './targets.repository';

interface CountRow {
  n: number;
}

/** Who follows which report or proposal (`follows`). */
@Injectable()
export class FollowsRepository {
  /** True when the row was added (on) or removed (off). */
  async set(manager: EntityManager, type: ThreadType, id: string, userId: string, on: boolean): Promise<boolean> {
    const rows = on
      ? await manager.query<unknown[]>(`INSERT INTO follows (target_type, target_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [
          type,
          id,
          userId,
        ])
      : await manager.query<unknown[]>(
          `WITH d AS (DELETE FROM follows WHERE target_type = $1 AND target_id = $2 AND user_id = $3 RETURNING 1) SELECT 1 FROM d`,
          [type, id, userId],
        );
    return rows.length > 0;
  }

  async isFollowing(manager: EntityManager, type: ThreadType, id: string, userId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM follows WHERE target_type = $1 AND target_id = $2 AND user_id = $3`, [type, id, userId]);
    return rows.length > 0;
  }

  async count(manager: EntityManager, type: ThreadType, id: string): Promise<number> {
    const [row] = await manager.query<CountRow[]>(`SELECT count(*)::int AS n FROM follows WHERE target_type = $1 AND target_id = $2`, [type, id]);
    return Number(row!.n);
  }

  /** An unsubscribe link stops one follow. */
  async remove(manager: EntityManager, type: ThreadType, id: string, userId: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM follows WHERE target_type = $1 AND target_id = $2 AND user_id = $3`, [type, id, userId]);
  }

  /** A duplicate report's followers follow the original from now on; returns how many moved. */
  async moveReportFollowers(manager: EntityManager, fromReportId: string, toReportId: string): Promise<number> {
    const moved = await manager.query<unknown[]>(
      `INSERT INTO follows (target_type, target_id, user_id, created_at)
       SELECT 'report', $2, user_id, created_at FROM follows WHERE target_type = 'report' AND target_id = $1
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [fromReportId, toReportId],
    );
    await manager.query<unknown[]>(`DELETE FROM follows WHERE target_type = 'report' AND target_id = $1`, [fromReportId]);
    return moved.length;
  }
}
