import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  active: boolean;
  passwordHash: string | null;
}

const ACCOUNT_COLUMNS = `id, email, name, locale, active, password_hash AS "passwordHash"`;

/** The account-facing SQL of auth: credentials, sign-up and one-time link tokens. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findByEmail(email: string, manager: EntityManager = this.db.manager): Promise<AccountRow | null> {
    const rows = await manager.query<AccountRow[]>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [
      email,
    ]);
    return rows[0] ?? null;
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<AccountRow | null> {
    const rows = await manager.query<AccountRow[]>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertCitizen(
    manager: EntityManager,
    row: { email: string; name: string; passwordHash: string; locale: string },
  ): Promise<string> {
    const [{ id }] = (await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, password_hash, locale, consent_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [row.email, row.name, row.passwordHash, row.locale],
    )) as [{ id: string }];
    await manager.query<unknown[]>(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen')`, [id]);
    return id;
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  async insertLinkToken(
    manager: EntityManager,
    row: {
      tokenHash: string;
      userId: string;
      purpose: 'signin' | 'invite';
      nextPath: string;
      validMinutes: number;
    },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO email_link_tokens (token_hash, user_id, purpose, next_path, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [row.tokenHash, row.userId, row.purpose, row.nextPath, row.validMinutes],
    );
  }

  /**
   * Spends a link token: one UPDATE that only succeeds once, however many requests race with the
   * same link. Returns its user and landing path when it was live.
   */
  async consumeLinkToken(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<{ userId: string; nextPath: string } | null> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await manager.query<[Array<{ userId: string; nextPath: string }>, number]>(
      `UPDATE email_link_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId", next_path AS "nextPath"`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Once one link is used (or the user signs out everywhere), the others in their inbox die too. */
  async expireLinkTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE email_link_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }

  /** The roles a user holds (a session's idle timeout depends on them). */
  async rolesOf(manager: EntityManager, userId: string): Promise<Role[]> {
    const rows = await manager.query<{ role: Role }[]>(`SELECT role FROM user_roles WHERE user_id = $1`, [userId]);
    return rows.map((r) => r.role);
  }

  async markSignedIn(manager: EntityManager, userId: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [userId]);
  }
}
