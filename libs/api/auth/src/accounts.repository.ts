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
  /** False for an account created by sign-up whose owner has not yet followed a mailed link. */
  emailVerified: boolean;
}

/** Why a one-time link was mailed: `signup` finishes a sign-up (docs/security.md#sign-up). */
export type LinkPurpose = 'signin' | 'invite' | 'signup';

const ACCOUNT_COLUMNS = `id, email, name, locale, active, password_hash AS "passwordHash",
  email_verified_at IS NOT NULL AS "emailVerified"`;

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

  /** A citizen account from sign-up: its address is not verified until a mailed link is followed. */
  async insertCitizen(
    manager: EntityManager,
    row: { email: string; name: string; passwordHash: string; locale: string },
  ): Promise<string> {
    const [{ id }] = (await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, password_hash, locale, consent_at, email_verified_at)
       VALUES ($1, $2, $3, $4, now(), NULL) RETURNING id`,
      [row.email, row.name, row.passwordHash, row.locale],
    )) as [{ id: string }];
    await manager.query<unknown[]>(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen')`, [id]);
    return id;
  }

  /**
   * A new sign-up for an address whose earlier sign-up was never finished: the latest one wins
   * (name, password, language), since only the mailbox's owner can follow the link it mails.
   */
  async replacePendingSignup(
    manager: EntityManager,
    id: string,
    row: { name: string; passwordHash: string; locale: string },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE users SET name = $2, password_hash = $3, locale = $4, consent_at = now(), updated_at = now()
        WHERE id = $1 AND email_verified_at IS NULL`,
      [id, row.name, row.passwordHash, row.locale],
    );
  }

  /**
   * The owner followed a mailed link: the address is theirs. When it was not yet verified and the
   * link did not finish a sign-up, a password chosen before (possibly by someone else, signing up
   * with this address) is dropped; the link's session may set a new one.
   */
  async markEmailVerified(manager: EntityManager, id: string, keepPassword: boolean): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE users SET email_verified_at = now(), password_hash = CASE WHEN $2 THEN password_hash END, updated_at = now()
        WHERE id = $1 AND email_verified_at IS NULL`,
      [id, keepPassword],
    );
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
      purpose: LinkPurpose;
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
  ): Promise<{ userId: string; nextPath: string; purpose: LinkPurpose } | null> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await manager.query<[Array<{ userId: string; nextPath: string; purpose: LinkPurpose }>, number]>(
      `UPDATE email_link_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId", next_path AS "nextPath", purpose`,
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
