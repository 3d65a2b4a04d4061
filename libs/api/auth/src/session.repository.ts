import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLocale, pickText, type LocalizedText, type Role } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext, SessionInfo } from './auth-context';

interface ContextRow {
  session_id: string;
  csrf_token: string;
  expires_at: Date;
  created_at: Date;
  last_seen_at: Date;
  method: SessionInfo['method'];
  user_id: string;
  email: string;
  name: string;
  locale: string;
  roles: Role[];
  departments: Array<{ id: string; code: string; name: LocalizedText }>;
}

export interface LiveSession {
  context: AuthContext;
  lastSeenAt: Date;
}

/** Roles and departments as JSON, so both drivers (pg and PGlite) hand back plain arrays. */
const USER_ROLES = `coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '[]'::json)`;
const USER_DEPARTMENTS = `coalesce((
  SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.code)
    FROM user_departments ud JOIN departments d ON d.id = ud.department_id
   WHERE ud.user_id = u.id), '[]'::json)`;

/** The `sessions` table. Only SHA-256 hashes of session tokens are stored. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    manager: EntityManager,
    row: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      method: SessionInfo['method'];
      idleSeconds: number;
    },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, method, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [row.tokenHash, row.userId, row.csrfToken, row.method, row.idleSeconds],
    );
  }

  /** A live session (not revoked, not expired, its user active) with its user, roles and departments. */
  async findLive(tokenHash: string, manager: EntityManager = this.db.manager): Promise<LiveSession | null> {
    const rows = await manager.query<ContextRow[]>(
      `SELECT s.id AS session_id, s.csrf_token, s.expires_at, s.created_at, s.last_seen_at, s.method,
              u.id AS user_id, u.email, u.name, u.locale,
              ${USER_ROLES} AS roles, ${USER_DEPARTMENTS} AS departments
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const locale = isLocale(row.locale) ? row.locale : 'es';
    return {
      lastSeenAt: new Date(row.last_seen_at),
      context: {
        user: {
          id: row.user_id,
          email: row.email,
          name: row.name,
          roles: row.roles,
          departments: row.departments.map((d) => ({
            id: d.id,
            code: d.code,
            name: pickText(d.name, locale),
          })),
          locale,
        },
        session: {
          id: row.session_id,
          csrfToken: row.csrf_token,
          expiresAt: new Date(row.expires_at),
          createdAt: new Date(row.created_at),
          method: row.method,
        },
      },
    };
  }

  /** Slides the idle expiry forward, never past the absolute lifetime. Returns the new expiry. */
  async touch(sessionId: string, idleSeconds: number, absoluteSeconds: number): Promise<Date | null> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await this.db.query<[Array<{ expires_at: Date }>, number]>(
      `UPDATE sessions
          SET last_seen_at = now(),
              expires_at = least(created_at + make_interval(secs => $3), now() + make_interval(secs => $2))
        WHERE id = $1 AND revoked_at IS NULL
        RETURNING expires_at`,
      [sessionId, idleSeconds, absoluteSeconds],
    );
    return rows[0] ? new Date(rows[0].expires_at) : null;
  }

  async revokeByTokenHash(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }

  /** Every live session of the user, except `keepSessionId` if given. Returns how many. */
  async revokeAllForUser(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null = null,
  ): Promise<number> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
        RETURNING id`,
      [userId, keepSessionId],
    );
    return rows.length;
  }
}
