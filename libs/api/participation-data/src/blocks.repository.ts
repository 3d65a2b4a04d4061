import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BlockedUserView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

interface BlockedRow {
  userId: string;
  justification: string;
  blockedAt: Date;
  visibleItems: number;
}

/** Citizens blocked from posting (`user_blocks`): moderation blocks them, participation refuses their posts. */
@Injectable()
export class BlocksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isBlocked(userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM user_blocks WHERE user_id = $1`, [userId])).length > 0;
  }

  /** Null when the user is blocked already. */
  async block(manager: EntityManager, userId: string, justification: string, by: string): Promise<Date | null> {
    const [row] = await manager.query<{ blockedAt: Date }[]>(
      `INSERT INTO user_blocks (user_id, justification, blocked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING blocked_at AS "blockedAt"`,
      [userId, justification, by],
    );
    return row?.blockedAt ?? null;
  }

  /** Null when the user was not blocked. */
  async unblock(manager: EntityManager, userId: string): Promise<{ justification: string } | null> {
    const [row] = await manager.query<{ justification: string }[]>(
      `WITH d AS (DELETE FROM user_blocks WHERE user_id = $1 RETURNING justification) SELECT justification FROM d`,
      [userId],
    );
    return row ?? null;
  }

  /** Blocked citizens, newest block first, with how much of their content is still public. */
  async list(): Promise<BlockedUserView[]> {
    const rows = await this.db.query<BlockedRow[]>(
      `SELECT b.user_id AS "userId", b.justification, b.blocked_at AS "blockedAt",
              ((SELECT count(*) FROM proposals p WHERE p.author_id = b.user_id AND p.status NOT IN ('hidden', 'withdrawn'))
               + (SELECT count(*) FROM comments c WHERE c.author_id = b.user_id AND c.hidden_at IS NULL AND c.deleted_at IS NULL))::int AS "visibleItems"
         FROM user_blocks b
        ORDER BY b.blocked_at DESC
        LIMIT 500`,
    );
    return rows.map((r) => ({
      userId: r.userId,
      justification: r.justification,
      blockedAt: new Date(r.blockedAt).toISOString(),
      visibleItems: Number(r.visibleItems),
    }));
  }
}
