import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LocalizedText } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { toRow, type StoredSubscription, type SubscriptionRow } from './alert-subscriptions.repository';

export interface DigestMatch {
  subscription: SubscriptionRow;
  reportId: string;
  ref: string;
  title: string;
  categoryName: LocalizedText;
  reportAreaName: string | null;
}

interface DigestMatchRow extends StoredSubscription {
  reportId: string;
  ref: string;
  title: string;
  reportCategoryName: LocalizedText;
  reportAreaName: string | null;
}

/** `alert_digest_runs` (one row per day, claimed with a lease) and the digest's reads. */
@Injectable()
export class AlertDigestRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** True when this process now owns the day: unclaimed, or claimed by a replica silent since `staleBefore`. */
  async claimDay(day: string, now: Date, staleBefore: Date): Promise<boolean> {
    const rows = await this.db.query<{ day: string }[]>(
      `INSERT INTO alert_digest_runs (day, started_at) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET started_at = EXCLUDED.started_at
         WHERE alert_digest_runs.finished_at IS NULL AND alert_digest_runs.started_at < $3
       RETURNING day`,
      [day, now, staleBefore],
    );
    return rows.length > 0;
  }

  /** Hands an unfinished day back (a run stopped at shutdown): the next claim takes it at once. */
  async releaseClaim(day: string): Promise<void> {
    await this.db.query<unknown[]>(`UPDATE alert_digest_runs SET started_at = 'epoch' WHERE day = $1 AND finished_at IS NULL`, [day]);
  }

  /** The next `limit` confirmed, live daily subscriptions after the id `after`, in id order. */
  async dailySubscriptionIds(manager: EntityManager, after: string, limit: number): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM alert_subscriptions
        WHERE frequency = 'daily' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND id > $1
        ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Renews the day's lease after each batch. */
  async renewClaim(manager: EntityManager, day: string, at: Date): Promise<void> {
    await manager.query<unknown[]>(`UPDATE alert_digest_runs SET started_at = $2 WHERE day = $1`, [day, at]);
  }

  async finish(manager: EntityManager, day: string, at: Date, emails: number): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE alert_digest_runs SET finished_at = $2, emails = emails + $3 WHERE day = $1`,
      [day, at, emails],
    );
  }

  /** The reports made public in [from, to) and still public, matched to these subscriptions. */
  async matches(manager: EntityManager, subscriptionIds: string[], from: Date, to: Date): Promise<DigestMatch[]> {
    // Read-only joins for the digest's own use; reports, categories and areas are written by their owners.
    const rows = await manager.query<DigestMatchRow[]>(
      `WITH p AS (
         SELECT r.id, r.ref, r.title, r.category_id, r.area_id, r.location::geography AS g,
                c.name AS category_name, a.name AS area_name, j.published_at
           FROM alert_published_reports j
           JOIN reports r ON r.id = j.report_id
           JOIN categories c ON c.id = r.category_id
           LEFT JOIN areas a ON a.id = r.area_id
          WHERE j.published_at >= $2 AND j.published_at < $3 AND r.status NOT IN ('unconfirmed', 'hidden')
       )
       SELECT s.id, s.email, s.locale, s.scope, s.frequency, s.confirmed_at AS "confirmedAt",
              s.confirmation_sent_at AS "confirmationSentAt", s.unsubscribed_at AS "unsubscribedAt",
              sa.name AS "areaName", sc.name AS "categoryName",
              ST_Y(s.point::geometry) AS lat, ST_X(s.point::geometry) AS lon, s.radius_m AS radius,
              p.id::text AS "reportId", p.ref, p.title, p.category_name AS "reportCategoryName", p.area_name AS "reportAreaName"
         FROM alert_subscriptions s
         JOIN p ON (s.scope = 'area' AND s.area_id = p.area_id)
                OR (s.scope = 'category' AND s.category_id = p.category_id)
                OR (s.scope = 'radius' AND ST_DWithin(s.point, p.g, s.radius_m))
         LEFT JOIN areas sa ON sa.id = s.area_id
         LEFT JOIN categories sc ON sc.id = s.category_id
        WHERE s.id = ANY($1::uuid[])
        ORDER BY s.id, p.published_at, p.id`,
      [subscriptionIds, from, to],
    );
    return rows.map((raw) => ({
      subscription: toRow(raw),
      reportId: raw.reportId,
      ref: raw.ref,
      title: raw.title,
      categoryName: raw.reportCategoryName,
      reportAreaName: raw.reportAreaName ?? null,
    }));
  }
}
