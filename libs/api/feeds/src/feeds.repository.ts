import { filedReport, PublicReads } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { PUBLIC_REPORT_STATUSES, type Locale, type ReportStatus } from '@plaza/shared/contracts';

export interface FeedReportRow {
  /** Internal id: used to read the timeline, never published. */
  id: string;
  ref: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  status: ReportStatus;
  areaName: string | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  lat: number;
  lon: number;
}

export interface FeedEventRow {
  id: string;
  at: string;
  from: ReportStatus | null;
  to: ReportStatus;
  message: string | null;
}

export interface ReportsQuery {
  areaId: string | null;
  categoryCode: string | null;
  near: { lat: number; lon: number; radius: number } | null;
  limit: number;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * Feed SQL. Only public reports and public events are ever selected, and no reporter column at
 * all: a feed cannot leak what it never reads.
 */
@Injectable()
export class FeedsRepository {
  // Public read traffic only: it may be served by a read replica (docs/operations.md#read-replicas).
  constructor(private readonly reads: PublicReads) {}

  async findArea(code: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.reads.query<{ id: string; name: string }[]>(`SELECT id, name FROM areas WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async findCategoryName(code: string, locale: Locale): Promise<string | null> {
    const rows = await this.reads.query<{ name: string }[]>(
      `SELECT coalesce(name ->> $2::text, name ->> 'es') AS name FROM categories WHERE code = $1`,
      [code, locale],
    );
    return rows[0]?.name ?? null;
  }

  /** The newest public reports matching every given filter. */
  async latestReports(query: ReportsQuery, locale: Locale): Promise<FeedReportRow[]> {
    const params: unknown[] = [locale, PUBLIC_REPORT_STATUSES];
    const where = ['r.status = ANY($2::text[])', filedReport('r')];
    if (query.areaId) {
      params.push(query.areaId);
      where.push(`r.area_id = $${params.length}`);
    }
    if (query.categoryCode) {
      params.push(query.categoryCode);
      where.push(`c.code = $${params.length}`);
    }
    if (query.near) {
      params.push(query.near.lon, query.near.lat, query.near.radius);
      const n = params.length;
      where.push(
        `ST_DWithin(r.location::geography, ST_SetSRID(ST_MakePoint($${n - 2}, $${n - 1}), 4326)::geography, $${n})`,
      );
    }
    params.push(query.limit);
    return this.reads.query<FeedReportRow[]>(
      `${REPORT_SELECT}
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  async findPublicReport(ref: string, locale: Locale): Promise<FeedReportRow | null> {
    const rows = await this.reads.query<FeedReportRow[]>(`${REPORT_SELECT} WHERE r.ref = $3 AND r.status = ANY($2::text[]) AND ${filedReport('r')}`, [
      locale,
      PUBLIC_REPORT_STATUSES,
      ref,
    ]);
    return rows[0] ?? null;
  }

  /** A report's public timeline, newest first. */
  async publicEvents(reportId: string, limit: number): Promise<FeedEventRow[]> {
    return this.reads.query<FeedEventRow[]>(
      `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', ${ISO}) AS at, from_status AS "from", to_status AS "to", message
         FROM report_events
        WHERE report_id = $1 AND is_public
        ORDER BY at DESC, id DESC
        LIMIT $2`,
      [reportId, limit],
    );
  }
}

const REPORT_SELECT = `
  SELECT r.id::text AS id, r.ref, r.title, r.description, c.code AS "categoryCode",
         coalesce(c.name ->> $1::text, c.name ->> 'es') AS "categoryName",
         r.status, a.name AS "areaName", r.address,
         to_char(r.created_at AT TIME ZONE 'UTC', ${ISO}) AS "createdAt",
         to_char(r.updated_at AT TIME ZONE 'UTC', ${ISO}) AS "updatedAt",
         round(ST_Y(r.location)::numeric, 6)::float8 AS lat,
         round(ST_X(r.location)::numeric, 6)::float8 AS lon
    FROM reports r
    JOIN categories c ON c.id = r.category_id
    LEFT JOIN areas a ON a.id = r.area_id`;
