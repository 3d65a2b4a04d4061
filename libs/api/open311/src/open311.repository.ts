import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { filedReport, PublicReads } from '@plaza/api/database';
import type { Locale, LocalizedText, ReportStatus } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

export interface ServiceRow {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  groupName: LocalizedText | null;
}

/** One public report as GET requests describes it. No reporter column is ever selected. */
export interface RequestRow {
  ref: string;
  status: ReportStatus;
  statusNotes: string | null;
  serviceName: string;
  serviceCode: string;
  description: string;
  agency: string | null;
  targetDays: number;
  requested: string;
  updated: string;
  expected: string;
  address: string | null;
  areaName: string | null;
  lat: number;
  lon: number;
  photoKey: string | null;
}

export interface UpdateRow {
  updateId: string;
  ref: string;
  to: ReportStatus;
  at: string;
  message: string | null;
}

export interface RequestFilter {
  statuses: readonly ReportStatus[];
  refs: string[] | null;
  serviceCodes: string[];
  start: Date | null;
  end: Date | null;
  limit: number;
}

const W3C = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/** All Open311 SQL besides API clients: services, public requests, their updates, tokens. */
@Injectable()
export class Open311Repository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Public read traffic may be served by a read replica (docs/operations.md#read-replicas).
    private readonly reads: PublicReads,
  ) {}

  async activeServices(): Promise<ServiceRow[]> {
    return this.reads.query<ServiceRow[]>(
      `SELECT code, name, description, group_name AS "groupName" FROM categories WHERE active ORDER BY sort_order, code`,
    );
  }

  /** Sortable stamp of the last change to the service list, for discovery's `changeset`. */
  async servicesChangeset(): Promise<string | null> {
    const [row] = await this.reads.query<{ at: string | null }[]>(
      `SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', ${W3C}) AS at FROM categories`,
    );
    return row?.at ?? null;
  }

  async requests(filter: RequestFilter, locale: Locale): Promise<RequestRow[]> {
    const params: unknown[] = [locale, filter.statuses];
    const where = ['r.status = ANY($2::text[])', filedReport('r')];
    const add = (sql: (n: number) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.refs) add((n) => `r.ref = ANY($${n}::text[])`, filter.refs);
    if (filter.serviceCodes.length) add((n) => `c.code = ANY($${n}::text[])`, filter.serviceCodes);
    if (filter.start) add((n) => `r.created_at >= $${n}`, filter.start);
    if (filter.end) add((n) => `r.created_at <= $${n}`, filter.end);
    params.push(filter.limit);
    return this.reads.query<RequestRow[]>(
      `SELECT r.ref, r.status,
              (SELECT e.message FROM report_events e
                WHERE e.report_id = r.id AND e.is_public AND e.message IS NOT NULL
                ORDER BY e.at DESC, e.id DESC LIMIT 1) AS "statusNotes",
              coalesce(c.name ->> $1::text, c.name ->> 'es') AS "serviceName", c.code AS "serviceCode",
              r.description, coalesce(d.name ->> $1::text, d.name ->> 'es') AS agency, c.target_days AS "targetDays",
              to_char(r.created_at AT TIME ZONE 'UTC', ${W3C}) AS requested,
              to_char(r.updated_at AT TIME ZONE 'UTC', ${W3C}) AS updated,
              to_char((r.created_at + make_interval(days => c.target_days)) AT TIME ZONE 'UTC', ${W3C}) AS expected,
              r.address, a.name AS "areaName",
              round(ST_Y(r.location)::numeric, 6)::float8 AS lat, round(ST_X(r.location)::numeric, 6)::float8 AS lon,
              (SELECT p.storage_key FROM report_photos p
                WHERE p.report_id = r.id AND p.state = 'ready' AND NOT p.hidden ORDER BY p.position LIMIT 1) AS "photoKey"
         FROM reports r
         JOIN categories c ON c.id = r.category_id
         LEFT JOIN departments d ON d.id = r.department_id
         LEFT JOIN areas a ON a.id = r.area_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * Public timeline events of public reports in a window, oldest first, so a client can resume
   * from the last one. Only changes after creation: the filing itself (no previous status) and a
   * publication without a message (moderation or the reporter's confirmation: the request simply
   * becomes open) are not updates, or a client such as FixMyStreet would post "Open" as the
   * council's comment on every request it sent (issue 16 item 12).
   */
  async updates(
    statuses: readonly ReportStatus[],
    start: Date,
    end: Date,
    limit: number,
  ): Promise<UpdateRow[]> {
    return this.reads.query<UpdateRow[]>(
      `SELECT e.id::text AS "updateId", r.ref, e.to_status AS "to",
              to_char(e.at AT TIME ZONE 'UTC', ${W3C}) AS at, e.message
         FROM report_events e
         JOIN reports r ON r.id = e.report_id
        WHERE e.is_public AND r.status = ANY($1::text[]) AND ${filedReport('r')} AND e.at >= $2 AND e.at <= $3
          AND e.from_status IS NOT NULL
          AND NOT (e.to_status = 'confirmed' AND e.message IS NULL)
        ORDER BY e.at, e.id
        LIMIT $4`,
      [statuses, start, end, limit],
    );
  }

  /** The request a token stands for; its ref stays null while the reporter has not confirmed it. */
  async refOfToken(token: string): Promise<{ ref: string | null } | null> {
    const rows = await this.db.query<{ ref: string | null }[]>(
      `SELECT CASE WHEN ${filedReport('r')} THEN r.ref END AS ref
         FROM open311_submissions s JOIN reports r ON r.id = s.report_id WHERE s.token = $1`,
      [token],
    );
    return rows[0] ?? null;
  }
}
