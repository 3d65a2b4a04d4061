import {
  ALERT_LIMITS,
  pickText,
  type AlertFrequency,
  type Locale,
  type LocalizedText,
  type ReportStatus,
} from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { toRow, type StoredSubscription, type SubscriptionRow } from './alert-subscriptions.repository';

/** A public report as alerts need it: public fields only (no reporter, no description). */
export interface PublishedReport {
  id: string;
  ref: string;
  title: string;
  categoryId: string;
  categoryName: LocalizedText;
  areaId: string | null;
  areaName: string | null;
  status: ReportStatus;
}

const LIVE = `s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL AND s.frequency = $3`;

/**
 * The live confirmed subscriptions of one frequency that a report matches, in id order, `limit`
 * at a time after the id `after` (so a large fan-out goes in batches). Three arms, each answered
 * by its own partial index (migration 1795800000000-Alerts): by area, by category, and a GiST
 * search on the points — first by the largest radius anyone may choose (indexable), then by each
 * subscription's own radius. Only the batch's rows are joined to names.
 */
export async function matchingSubscriptions(
  manager: EntityManager,
  report: { areaId: string | null; categoryId: string; reportId: string },
  frequency: AlertFrequency,
  page: { after: string | null; limit: number },
): Promise<SubscriptionRow[]> {
  const rows = await manager.query<StoredSubscription[]>(
    `WITH r AS (SELECT location::geography AS g FROM reports WHERE id = $4),
     m AS (
       SELECT s.id FROM alert_subscriptions s WHERE s.scope = 'area' AND s.area_id = $1 AND ${LIVE}
       UNION ALL
       SELECT s.id FROM alert_subscriptions s WHERE s.scope = 'category' AND s.category_id = $2 AND ${LIVE}
       UNION ALL
       SELECT s.id FROM alert_subscriptions s, r
        WHERE s.scope = 'radius' AND ${LIVE}
          AND ST_DWithin(s.point, r.g, ${ALERT_LIMITS.radiusMax})
          AND ST_DWithin(s.point, r.g, s.radius_m)
     ),
     batch AS (SELECT id FROM m WHERE $5::uuid IS NULL OR id > $5::uuid ORDER BY id LIMIT $6)
     SELECT s.id, s.email, s.locale, s.scope, s.frequency, s.confirmed_at AS "confirmedAt",
            s.confirmation_sent_at AS "confirmationSentAt", s.unsubscribed_at AS "unsubscribedAt",
            a.name AS "areaName", c.name AS "categoryName",
            ST_Y(s.point::geometry) AS lat, ST_X(s.point::geometry) AS lon, s.radius_m AS radius
       FROM batch
       JOIN alert_subscriptions s ON s.id = batch.id
       LEFT JOIN areas a ON a.id = s.area_id
       LEFT JOIN categories c ON c.id = s.category_id
      ORDER BY s.id`,
    [report.areaId, report.categoryId, frequency, report.reportId, page.after, page.limit],
  );
  return rows.map(toRow);
}

export async function publishedReport(
  manager: EntityManager,
  reportId: string,
): Promise<PublishedReport | null> {
  // A read-only join for alerts' own use; reports, categories and areas are written by their owners.
  const rows = await manager.query<PublishedReport[]>(
    `SELECT r.id::text AS id, r.ref, r.title, r.category_id AS "categoryId", c.name AS "categoryName",
            r.area_id AS "areaId", a.name AS "areaName", r.status
       FROM reports r
       JOIN categories c ON c.id = r.category_id
       LEFT JOIN areas a ON a.id = r.area_id
      WHERE r.id = $1`,
    [reportId],
  );
  return rows[0] ?? null;
}

/**
 * Notes the first time a report became public. False when it had been public before (hidden,
 * then shown again): alerts are about new reports, so such a report never alerts twice.
 */
export async function recordPublication(
  manager: EntityManager,
  reportId: string,
  at: Date,
): Promise<boolean> {
  const rows = await manager.query<{ report_id: string }[]>(
    `INSERT INTO alert_published_reports (report_id, published_at) VALUES ($1, $2)
     ON CONFLICT (report_id) DO NOTHING RETURNING report_id`,
    [reportId, at],
  );
  return rows.length > 0;
}

export function categoryLabel(report: Pick<PublishedReport, 'categoryName'>, locale: Locale): string {
  return pickText(report.categoryName, locale);
}
