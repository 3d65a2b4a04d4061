import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminUser, Role } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../sql-update';

const SELECT = `
  SELECT u.id, u.email, u.name, u.active, u.locale, u.created_at AS "createdAt", u.last_sign_in_at AS "lastSignInAt",
         coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '[]'::json) AS roles,
         coalesce((SELECT json_agg(d.department_id ORDER BY d.department_id) FROM user_departments d WHERE d.user_id = u.id), '[]'::json)
           AS "departmentIds"
    FROM users u`;

export interface UserQuery {
  q: string | null;
  role: Role | null;
  limit: number;
  offset: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: UserQuery): Promise<AdminUser[]> {
    const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.db.query<StoredUser[]>(
      `${SELECT}
        WHERE ($1::text IS NULL OR u.email ILIKE $1 OR u.name ILIKE $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2))
        ORDER BY u.created_at DESC, u.id
        LIMIT $3 OFFSET $4`,
      [like, query.role, query.limit, query.offset],
    );
    return rows.map(toAdminUser);
  }

  async find(manager: EntityManager, id: string): Promise<AdminUser | null> {
    const rows = await manager.query<StoredUser[]>(`${SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ? toAdminUser(rows[0]) : null;
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows = await manager.query<{ '?column?': number }[]>(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    row: { email: string; name: string; locale: string },
  ): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, locale) VALUES ($1, $2, $3) RETURNING id`,
      [row.email, row.name, row.locale],
    );
    return id;
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: { name?: string; active?: boolean; locale?: string },
  ): Promise<void> {
    const set = setClause({ name: patch.name, active: patch.active, locale: patch.locale }, 2);
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE users SET ${set.sql}, updated_at = now() WHERE id = $1`, [id, ...set.params]);
  }

  async setRoles(manager: EntityManager, id: string, roles: Role[]): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM user_roles WHERE user_id = $1`, [id]);
    for (const role of roles)
      await manager.query<unknown[]>(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, [id, role]);
  }

  async setDepartments(manager: EntityManager, id: string, departmentIds: string[]): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM user_departments WHERE user_id = $1`, [id]);
    for (const departmentId of departmentIds) {
      await manager.query<unknown[]>(`INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)`, [
        id,
        departmentId,
      ]);
    }
  }

  /** Which of these ids are active departments. */
  async activeDepartments(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM departments WHERE active AND id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map((r) => r.id);
  }

  /** Active administrators other than `exceptId`: there must always be one left. */
  async otherActiveAdmins(manager: EntityManager, exceptId: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
        WHERE u.active AND u.id <> $1`,
      [exceptId],
    );
    return count;
  }
}

/** A user as the SELECT returns it (timestamps as the driver gives them). */
type StoredUser = AdminUser & { createdAt: Date | string; lastSignInAt: Date | string | null };

function toAdminUser(row: StoredUser): AdminUser {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt).toISOString() : null,
  };
}
