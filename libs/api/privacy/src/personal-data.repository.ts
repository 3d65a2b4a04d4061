import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one place that knows where a person's data lives across Plaza's tables (docs/privacy.md,
 * "Records of processing"): reading it all for access and portability, erasing it, and the
 * retention sweeps. Kept together on purpose — a new column of personal data is added here, in
 * the export and the erasure at once, or it is missed by both.
 */

export interface ProfileRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailNotifications: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface OwnReportRow {
  id: string;
  ref: string;
  title: string;
  description: string;
  status: string;
  address: string | null;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string | null;
  reporterShowName: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface OwnProposalRow {
  id: string;
  title: string;
  summary: string;
  status: string;
  showName: boolean;
  supportCount: number;
  commentCount: number;
  createdAt: Date;
}

export interface OwnCommentRow {
  id: string;
  targetType: string;
  targetId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface OwnSupportRow {
  proposalId: string;
  title: string;
  createdAt: Date;
}

export interface OwnFollowRow {
  targetType: string;
  targetId: string;
  createdAt: Date;
}

export interface OwnAlertRow {
  id: string;
  scope: string;
  frequency: string;
  locale: string;
  createdAt: Date;
  confirmedAt: Date | null;
}

export interface ErasureCounts {
  reports: number;
  proposals: number;
  comments: number;
  supports: number;
  follows: number;
  alerts: number;
  sessions: number;
  mails: number;
}

/** The anonymous name public contributions keep once their author is erased. */
export const ERASED_NAME = 'Vecino/a';

/** Statuses in which a case is over: its reporter's contact is kept RETENTION_CONTACT_DAYS more. */
const CLOSED_STATUSES = `('fixed', 'closed', 'duplicate', 'not_responsible', 'unable_to_fix')`;

const count = (result: [unknown[], number]): number => result[1];

@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async profile(userId: string, manager: EntityManager = this.db.manager): Promise<ProfileRow | null> {
    const rows = await manager.query<ProfileRow[]>(
      `SELECT id, email, name, locale, email_notifications AS "emailNotifications", created_at AS "createdAt",
              last_sign_in_at AS "lastSignInAt"
         FROM users WHERE id = $1 AND erased_at IS NULL`,
      [userId],
    );
    return rows[0] ?? null;
  }

  reportsOf(userId: string, manager: EntityManager = this.db.manager): Promise<OwnReportRow[]> {
    return manager.query<OwnReportRow[]>(
      `SELECT id::text AS id, ref, title, description, status, address, reporter_name AS "reporterName",
              reporter_email AS "reporterEmail", reporter_phone AS "reporterPhone",
              reporter_show_name AS "reporterShowName", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM reports WHERE reporter_user_id = $1 ORDER BY created_at DESC, id DESC`,
      [userId],
    );
  }

  proposalsOf(userId: string): Promise<OwnProposalRow[]> {
    return this.db.query<OwnProposalRow[]>(
      `SELECT id::text AS id, title, summary, status, show_name AS "showName", support_count AS "supportCount",
              comment_count AS "commentCount", created_at AS "createdAt"
         FROM proposals WHERE author_id = $1 ORDER BY created_at DESC, id DESC`,
      [userId],
    );
  }

  commentsOf(userId: string): Promise<OwnCommentRow[]> {
    return this.db.query<OwnCommentRow[]>(
      `SELECT id::text AS id, target_type AS "targetType", target_id::text AS "targetId", body,
              created_at AS "createdAt", edited_at AS "editedAt", deleted_at AS "deletedAt"
         FROM comments WHERE author_id = $1 ORDER BY created_at DESC, id DESC`,
      [userId],
    );
  }

  supportsOf(userId: string): Promise<OwnSupportRow[]> {
    return this.db.query<OwnSupportRow[]>(
      `SELECT s.proposal_id::text AS "proposalId", p.title, s.created_at AS "createdAt"
         FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id
        WHERE s.user_id = $1 ORDER BY s.created_at DESC`,
      [userId],
    );
  }

  followsOf(userId: string): Promise<OwnFollowRow[]> {
    return this.db.query<OwnFollowRow[]>(
      `SELECT target_type AS "targetType", target_id::text AS "targetId", created_at AS "createdAt"
         FROM follows WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  /** Live alerts sent to this address (alerts belong to an address, not an account). */
  alertsOf(email: string): Promise<OwnAlertRow[]> {
    return this.db.query<OwnAlertRow[]>(
      `SELECT id, scope, frequency, locale, created_at AS "createdAt", confirmed_at AS "confirmedAt"
         FROM alert_subscriptions WHERE email = lower($1) AND unsubscribed_at IS NULL ORDER BY created_at DESC`,
      [email],
    );
  }

  /** Anonymous reports filed with this address, for the mailed link of reporters without an account. */
  reportsByEmail(email: string): Promise<OwnReportRow[]> {
    return this.db.query<OwnReportRow[]>(
      `SELECT id::text AS id, ref, title, description, status, address, reporter_name AS "reporterName",
              reporter_email AS "reporterEmail", reporter_phone AS "reporterPhone",
              reporter_show_name AS "reporterShowName", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM reports WHERE lower(reporter_email) = lower($1) AND contact_erased_at IS NULL
        ORDER BY created_at DESC, id DESC`,
      [email],
    );
  }

  async setName(manager: EntityManager, userId: string, name: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE users SET name = $2, updated_at = now() WHERE id = $1`, [userId, name]);
    // The contact copied onto their reports follows the correction (staff call the person by it).
    await manager.query<unknown[]>(
      `UPDATE reports SET reporter_name = $2 WHERE reporter_user_id = $1 AND contact_erased_at IS NULL`,
      [userId, name],
    );
  }

  /** The language Plaza writes to them in (mails, notifications). */
  async setLocale(manager: EntityManager, userId: string, locale: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE users SET locale = $2, updated_at = now() WHERE id = $1`, [userId, locale]);
  }

  async setPhone(manager: EntityManager, userId: string, phone: string | null): Promise<number> {
    return count(
      await manager.query<[unknown[], number]>(
        `UPDATE reports SET reporter_phone = $2 WHERE reporter_user_id = $1 AND contact_erased_at IS NULL`,
        [userId, phone],
      ),
    );
  }

  /** Answers false when another account already uses the address. */
  async setEmail(manager: EntityManager, userId: string, email: string): Promise<boolean> {
    const [old] = await manager.query<{ email: string }[]>(`SELECT email FROM users WHERE id = $1`, [userId]);
    const taken = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE lower(email) = lower($1) AND id <> $2`, [
      email,
      userId,
    ]);
    if (taken.length > 0) return false;
    await manager.query<unknown[]>(`UPDATE users SET email = lower($2), updated_at = now() WHERE id = $1`, [userId, email]);
    await manager.query<unknown[]>(
      `UPDATE reports SET reporter_email = lower($2) WHERE reporter_user_id = $1 AND contact_erased_at IS NULL`,
      [userId, email],
    );
    if (old && old.email !== email.toLowerCase()) {
      // The person proved both addresses: their alerts follow them (a duplicate of one they already
      // have at the new address ends instead), and the kept copies of mail to the old one go.
      await manager.query<unknown[]>(
        `UPDATE alert_subscriptions a SET email = lower($2)
          WHERE a.email = $1 AND a.unsubscribed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM alert_subscriptions b
                             WHERE b.email = lower($2) AND b.unsubscribed_at IS NULL AND b.scope = a.scope
                               AND b.frequency = a.frequency AND b.area_id IS NOT DISTINCT FROM a.area_id
                               AND b.category_id IS NOT DISTINCT FROM a.category_id
                               AND b.radius_m IS NOT DISTINCT FROM a.radius_m
                               AND ((b.point IS NULL AND a.point IS NULL) OR ST_Equals(b.point::geometry, a.point::geometry)))`,
        [old.email, email],
      );
      await manager.query<unknown[]>(
        `UPDATE alert_subscriptions SET email = NULL, unsubscribed_at = now(), confirmation_token_hash = NULL
          WHERE email = $1 AND unsubscribed_at IS NULL`,
        [old.email],
      );
      await this.purgeMailTo(manager, old.email);
    }
    return true;
  }

  /**
   * Erases an account in the caller's transaction. The users row stays as an anonymous tombstone
   * (proposals and comments reference it and stay public as "Vecino/a"); everything that names,
   * reaches or profiles the person goes. Answers counts only.
   */
  async eraseAccount(manager: EntityManager, userId: string, email: string): Promise<ErasureCounts> {
    const reports = count(
      await manager.query<[unknown[], number]>(
        `UPDATE reports SET reporter_name = $2, reporter_email = '', reporter_phone = NULL, reporter_show_name = false,
                channel_details = NULL, reporter_updates_opt_out = true, reporter_user_id = NULL,
                contact_erased_at = now()
          WHERE reporter_user_id = $1`,
        [userId, ERASED_NAME],
      ),
    );
    const proposals = count(
      await manager.query<[unknown[], number]>(`UPDATE proposals SET show_name = false WHERE author_id = $1`, [userId]),
    );
    const [commentRow] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM comments WHERE author_id = $1`,
      [userId],
    );
    // Supports stay in each proposal's support_count; only who gave them goes.
    const supports = count(await manager.query<[unknown[], number]>(`DELETE FROM proposal_supports WHERE user_id = $1`, [userId]));
    const follows = count(await manager.query<[unknown[], number]>(`DELETE FROM follows WHERE user_id = $1`, [userId]));
    const alerts = count(
      await manager.query<[unknown[], number]>(
        `UPDATE alert_subscriptions SET email = NULL, unsubscribed_at = now(), confirmation_token_hash = NULL
          WHERE email = lower($1) AND unsubscribed_at IS NULL`,
        [email],
      ),
    );
    const sessions = count(
      await manager.query<[unknown[], number]>(
        `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      ),
    );
    await manager.query<unknown[]>(`DELETE FROM email_link_tokens WHERE user_id = $1`, [userId]);
    await manager.query<unknown[]>(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await manager.query<unknown[]>(`DELETE FROM flags WHERE user_id = $1`, [userId]);
    const mails = await this.purgeMailTo(manager, email);
    await manager.query<unknown[]>(
      `UPDATE users SET email = 'erased-' || id::text || '@erased.invalid', name = $2, password_hash = NULL,
              active = false, email_notifications = false, last_sign_in_at = NULL, consent_at = NULL,
              erased_at = now(), updated_at = now()
        WHERE id = $1`,
      [userId, ERASED_NAME],
    );
    return { reports, proposals, comments: commentRow?.count ?? 0, supports, follows, alerts, sessions, mails };
  }

  /** Kept copies of mail to an address, and undelivered or delivered outbox payloads naming it. */
  async purgeMailTo(manager: EntityManager, email: string): Promise<number> {
    const kept = count(
      await manager.query<[unknown[], number]>(`DELETE FROM mail_messages WHERE lower(to_address) = lower($1)`, [email]),
    );
    const outbox = count(
      await manager.query<[unknown[], number]>(
        // Mail (rendered, or a template's values: TEMPLATED_EMAIL_CHANNEL), and the requests the
        // worker decides after answering (sign-in link, sign-up, alert subscription), which name
        // the address in `email`.
        `DELETE FROM outbox_messages
          WHERE status <> 'pending'
            AND (channel IN ('email', 'templated-email') AND lower(payload ->> 'to') = lower($1)
                 OR channel IN ('sign-in-link', 'signup-request', 'alert-subscription') AND lower(payload ->> 'email') = lower($1))`,
        [email],
      ),
    );
    return kept + outbox;
  }

  // ------------------------------------------------------------------ retention

  /**
   * One batch of the contact retention sweep: reporters' contact on cases closed before
   * `closedBefore` erased at `erasedAt`; the report itself stays. The close time is the last move
   * into the current status. Reports are taken in id order after `afterId` (0 for a run's first
   * batch, then the answer's `lastId`): with the partial index reports_contact_retention_idx
   * (closed, contact not erased; migration ContactRetentionIndex) a run walks the candidates once,
   * instead of every batch scanning them all again from the first. Answers the refs erased (their
   * audit keys are shredded by the caller) and the highest id erased.
   */
  async eraseClosedCaseContacts(
    manager: EntityManager,
    batch: { closedBefore: Date; erasedAt: Date; afterId: string; limit: number },
  ): Promise<{ refs: string[]; lastId: string | null }> {
    // An UPDATE … RETURNING answers [rows, rowCount] through TypeORM.
    const [rows] = await manager.query<[{ ref: string; id: string }[], number]>(
      `WITH due AS (
         SELECT r.id FROM reports r
          WHERE r.status IN ${CLOSED_STATUSES} AND r.contact_erased_at IS NULL AND r.id > $4
            AND coalesce((SELECT max(e.at) FROM report_events e WHERE e.report_id = r.id AND e.to_status = r.status),
                         r.updated_at) < $1
          ORDER BY r.id LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE reports r SET reporter_name = $2, reporter_email = '', reporter_phone = NULL, reporter_show_name = false,
              channel_details = NULL, reporter_updates_opt_out = true, reporter_user_id = NULL, contact_erased_at = $5
         FROM due WHERE r.id = due.id
       RETURNING r.ref, r.id::text AS id`,
      [batch.closedBefore, ERASED_NAME, batch.limit, batch.afterId, batch.erasedAt],
    );
    const lastId = rows.reduce<bigint | null>((max, r) => (max === null || BigInt(r.id) > max ? BigInt(r.id) : max), null);
    return { refs: rows.map((r) => r.ref), lastId: lastId === null ? null : lastId.toString() };
  }

  /** Citizen accounts without a sign-in since `before`, not warned yet. */
  inactiveToWarn(before: Date, limit: number): Promise<Array<{ id: string; email: string; name: string; locale: string }>> {
    return this.db.query<Array<{ id: string; email: string; name: string; locale: string }>>(
      `SELECT u.id, u.email, u.name, u.locale FROM users u
        WHERE u.erased_at IS NULL AND u.inactivity_warned_at IS NULL
          AND coalesce(u.last_sign_in_at, u.created_at) < $1
          AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role <> 'citizen')
        ORDER BY u.id LIMIT $2`,
      [before, limit],
    );
  }

  async markWarned(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query<unknown[]>(`UPDATE users SET inactivity_warned_at = $2 WHERE id = $1`, [userId, at]);
  }

  /** Warned citizen accounts still unused since `before` and warned before `warnedBefore`. */
  inactiveToErase(before: Date, warnedBefore: Date, limit: number): Promise<Array<{ id: string; email: string }>> {
    return this.db.query<Array<{ id: string; email: string }>>(
      `SELECT u.id, u.email FROM users u
        WHERE u.erased_at IS NULL AND u.inactivity_warned_at IS NOT NULL AND u.inactivity_warned_at < $2
          AND coalesce(u.last_sign_in_at, u.created_at) < $1
          AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role <> 'citizen')
        ORDER BY u.id LIMIT $3`,
      [before, warnedBefore, limit],
    );
  }

  /** Signing in again after a warning keeps the account: the warning is forgotten. */
  async clearStaleWarnings(manager: EntityManager): Promise<number> {
    return count(
      await manager.query<[unknown[], number]>(
        `UPDATE users SET inactivity_warned_at = NULL
          WHERE inactivity_warned_at IS NOT NULL AND last_sign_in_at > inactivity_warned_at`,
      ),
    );
  }

  /** Kept mail and finished outbox payloads older than `before`. */
  async purgeOldMail(manager: EntityManager, before: Date): Promise<number> {
    const kept = count(await manager.query<[unknown[], number]>(`DELETE FROM mail_messages WHERE created_at < $1`, [before]));
    const outbox = count(
      await manager.query<[unknown[], number]>(
        `DELETE FROM outbox_messages WHERE status IN ('sent', 'dismissed', 'failed') AND created_at < $1`,
        [before],
      ),
    );
    return kept + outbox;
  }
}
