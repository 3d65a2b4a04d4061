import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Candidate } from './recipients';

interface ReporterRow {
  id: string;
  ref: string;
  title: string;
  email: string | null;
  locale: string;
  userId: string | null;
  emailAllowed: boolean;
}

interface AuthorRow {
  id: string;
  title: string;
  userId: string;
  email: string;
  locale: string;
  active: boolean;
  emailAllowed: boolean;
}

interface FollowerRow {
  userId: string;
  email: string;
  locale: string;
  emailAllowed: boolean;
}

export interface ReportForNotice {
  id: string;
  ref: string;
  title: string;
}

export interface ProposalForNotice {
  id: string;
  title: string;
}

/**
 * Who is connected to a report or proposal, read in the writer's transaction. The reporter's
 * language: the account's (`users.locale`, which they can change) when the report records who
 * filed it signed in; else the language the report was filed in (`reporter_locale`); else the
 * account with the same address; else Spanish. The report's columns are read through `to_jsonb`
 * so this query works before and after the migration that adds them.
 */
@Injectable()
export class RecipientsRepository {
  async report(manager: EntityManager, reportId: string): Promise<{ report: ReportForNotice; candidates: Candidate[] } | null> {
    const [row] = await manager.query<ReporterRow[]>(
      `SELECT r.id::text AS id, r.ref, r.title, lower(r.reporter_email) AS email,
              coalesce(CASE WHEN u.id = nullif(to_jsonb(r)->>'reporter_user_id', '')::uuid THEN u.locale END,
                       nullif(to_jsonb(r)->>'reporter_locale', ''), u.locale, 'es') AS locale,
              u.id AS "userId",
              NOT r.reporter_updates_opt_out AND coalesce(u.email_notifications, true) AS "emailAllowed"
         FROM reports r
         LEFT JOIN LATERAL (
           -- The recorded account first; both conditions use an index (primary key, lower(email)).
           SELECT id, locale, email_notifications FROM users
            WHERE id = nullif(to_jsonb(r)->>'reporter_user_id', '')::uuid OR lower(email) = lower(r.reporter_email)
            ORDER BY (id = nullif(to_jsonb(r)->>'reporter_user_id', '')::uuid) IS TRUE DESC
            LIMIT 1) u ON true
        WHERE r.id = $1`,
      [reportId],
    );
    if (!row) return null;
    const reporter: Candidate[] = row.email ? [{ role: 'reporter', email: row.email, locale: row.locale, userId: row.userId, emailAllowed: row.emailAllowed }] : [];
    return { report: { id: row.id, ref: row.ref, title: row.title }, candidates: [...reporter, ...(await this.followers(manager, 'report', reportId))] };
  }

  async proposal(manager: EntityManager, proposalId: string): Promise<{ proposal: ProposalForNotice; candidates: Candidate[] } | null> {
    const [row] = await manager.query<AuthorRow[]>(
      `SELECT p.id::text AS id, p.title, u.id AS "userId", u.email, u.locale, u.active,
              NOT p.author_updates_opt_out AND u.email_notifications AS "emailAllowed"
         FROM proposals p JOIN users u ON u.id = p.author_id
        WHERE p.id = $1`,
      [proposalId],
    );
    if (!row) return null;
    const author: Candidate[] = row.active ? [{ role: 'author', email: row.email, locale: row.locale, userId: row.userId, emailAllowed: row.emailAllowed }] : [];
    return { proposal: { id: row.id, title: row.title }, candidates: [...author, ...(await this.followers(manager, 'proposal', proposalId))] };
  }

  /** The official answer just written with the outcome (the answer row is inserted before the status move). */
  async latestAnswer(manager: EntityManager, proposalId: string, outcome: string): Promise<string | null> {
    const [row] = await manager.query<{ body: string }[]>(
      `SELECT body FROM proposal_answers WHERE proposal_id = $1 AND outcome = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [proposalId, outcome],
    );
    return row?.body ?? null;
  }

  private async followers(manager: EntityManager, type: 'report' | 'proposal', id: string): Promise<Candidate[]> {
    const rows = await manager.query<FollowerRow[]>(
      `SELECT u.id AS "userId", u.email, u.locale, u.email_notifications AS "emailAllowed"
         FROM follows f JOIN users u ON u.id = f.user_id
        WHERE f.target_type = $1 AND f.target_id = $2 AND u.active
        ORDER BY f.created_at, u.id`,
      [type, id],
    );
    return rows.map((r) => ({ role: 'follower', ...r }));
  }
}
