import { Injectable } from '@nestjs/common';
import { filedReport, PublicReads } from '@plaza/api/database';
import type { Locale } from '@plaza/shared/contracts';
import type { OpenProposalRow, OpenReportRow } from './columns';

/** Resolved filters: ids instead of codes. */
export interface ResolvedFilter {
  from: string | null;
  to: string | null;
  areaId: string | null;
  /** category_id for reports, theme_id for proposals. */
  categoryId: string | null;
  statuses: string[];
}

export interface DatasetCoverage {
  /** Local day of the oldest and newest public row, null when there is none. */
  start: string | null;
  end: string | null;
  modified: string | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

/**
 * Open-data SQL. Reads, never writes, tables owned by the reports, proposals, catalogue and admin
 * libraries (and this feature's stats_report_facts): an export is a report on them. Only public
 * rows and public columns are selected — no reporter, author, contact or staff column is ever read.
 */
@Injectable()
export class OpenDataRepository {
  // Public read traffic only: it may be served by a read replica (docs/operations.md#read-replicas).
  constructor(private readonly reads: PublicReads) {}

  async today(): Promise<string> {
    const rows = await this.reads.query<Array<{ today: string }>>(
      `SELECT plaza_stats_local_day(now())::text AS today`,
    );
    return rows[0]!.today;
  }

  async areaId(code: string): Promise<string | null> {
    const rows = await this.reads.query<Array<{ id: string }>>(`SELECT id FROM areas WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  async categoryId(code: string): Promise<string | null> {
    const rows = await this.reads.query<Array<{ id: string }>>(`SELECT id FROM categories WHERE code = $1`, [
      code,
    ]);
    return rows[0]?.id ?? null;
  }

  async themeId(code: string): Promise<string | null> {
    const rows = await this.reads.query<Array<{ id: string }>>(
      `SELECT id FROM proposal_themes WHERE code = $1`,
      [code],
    );
    return rows[0]?.id ?? null;
  }

  /** The next `limit` public reports after id `after`, in id order (keyset: constant cost per batch). */
  async reportsAfter(
    filter: ResolvedFilter,
    after: string,
    limit: number,
    locale: Locale,
  ): Promise<OpenReportRow[]> {
    const params: unknown[] = [after, limit, locale, filter.statuses];
    const where = ['r.id > $1::bigint', 'r.status = ANY($4::text[])', filedReport('r')];
    addCommon(where, params, filter, 'r.category_id');
    return this.reads.query<OpenReportRow[]>(
      `SELECT r.id::text AS id, r.ref, r.title, r.description, c.code AS category,
              coalesce(c.name ->> $3::text, c.name ->> 'es') AS "categoryName", r.status,
              a.code AS area, a.name AS "areaName", d.code AS department,
              coalesce(d.name ->> $3::text, d.name ->> 'es') AS "departmentName",
              round(ST_Y(r.location)::numeric, 6)::float8 AS lat, round(ST_X(r.location)::numeric, 6)::float8 AS lon,
              r.address, r.support_count AS "supportCount",
              ${iso('r.created_at')} AS "createdAt", ${iso('r.updated_at')} AS "updatedAt",
              ${iso('f.first_response_at')} AS "firstResponseAt", ${iso('f.fixed_at')} AS "fixedAt",
              f.response_days AS "responseBusinessDays", f.fix_days AS "fixBusinessDays"
         FROM reports r
         JOIN categories c ON c.id = r.category_id
         LEFT JOIN areas a ON a.id = r.area_id
         LEFT JOIN departments d ON d.id = r.department_id
         LEFT JOIN stats_report_facts f ON f.report_id = r.id
        WHERE ${where.join(' AND ')}
        ORDER BY r.id
        LIMIT $2`,
      params,
    );
  }

  async proposalsAfter(
    filter: ResolvedFilter,
    after: string,
    limit: number,
    locale: Locale,
  ): Promise<OpenProposalRow[]> {
    const params: unknown[] = [after, limit, locale, filter.statuses];
    const where = ['p.id > $1::bigint', 'p.status = ANY($4::text[])'];
    addCommon(where, params, filter, 'p.theme_id');
    return this.reads.query<OpenProposalRow[]>(
      `SELECT p.id::text AS id, p.title, p.summary, t.code AS theme,
              coalesce(t.name ->> $3::text, t.name ->> 'es') AS "themeName", p.status,
              a.code AS area, a.name AS "areaName", d.code AS department,
              coalesce(d.name ->> $3::text, d.name ->> 'es') AS "departmentName",
              round(ST_Y(p.location)::numeric, 6)::float8 AS lat, round(ST_X(p.location)::numeric, 6)::float8 AS lon,
              p.support_count AS "supportCount", p.comment_count AS "commentCount",
              ${iso('p.created_at')} AS "createdAt", ${iso('p.updated_at')} AS "updatedAt"
         FROM proposals p
         JOIN proposal_themes t ON t.id = p.theme_id
         LEFT JOIN areas a ON a.id = p.area_id
         LEFT JOIN departments d ON d.id = p.department_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.id
        LIMIT $2`,
      params,
    );
  }

  /** Temporal coverage and last change of each dataset, for the catalogue (from the daily counts). */
  async coverage(
    reportStatuses: readonly string[],
    proposalStatuses: readonly string[],
  ): Promise<{ reports: DatasetCoverage; proposals: DatasetCoverage }> {
    // The last change counts only what the datasets publish: hidden or unconfirmed activity stays private.
    const rows = await this.reads.query<Array<{ dataset: 'reports' | 'proposals' } & DatasetCoverage>>(
      `SELECT 'reports' AS dataset, (SELECT min(day)::text FROM stats_report_daily WHERE reports > 0) AS start,
              (SELECT max(day)::text FROM stats_report_daily WHERE reports > 0) AS "end",
              (SELECT ${iso('max(r.updated_at)')} FROM reports r WHERE r.status = ANY($1::text[]) AND ${filedReport('r')}) AS modified
       UNION ALL
       SELECT 'proposals', (SELECT min(day)::text FROM stats_proposal_daily WHERE proposals > 0),
              (SELECT max(day)::text FROM stats_proposal_daily WHERE proposals > 0),
              (SELECT ${iso('max(p.updated_at)')} FROM proposals p WHERE p.status = ANY($2::text[]))`,
      [reportStatuses, proposalStatuses],
    );
    const empty: DatasetCoverage = { start: null, end: null, modified: null };
    const pick = (name: 'reports' | 'proposals'): DatasetCoverage => {
      const row = rows.find((r) => r.dataset === name);
      return row ? { start: row.start, end: row.end, modified: row.modified } : empty;
    };
    return { reports: pick('reports'), proposals: pick('proposals') };
  }
}

function addCommon(where: string[], params: unknown[], filter: ResolvedFilter, categoryColumn: string): void {
  const alias = categoryColumn.split('.')[0]!;
  // Local days of the city (plaza_stats_day_start), so that an index on created_at can serve them.
  if (filter.from)
    where.push(`${alias}.created_at >= plaza_stats_day_start($${params.push(filter.from)}::date)`);
  if (filter.to)
    where.push(`${alias}.created_at < plaza_stats_day_start($${params.push(filter.to)}::date + 1)`);
  if (filter.areaId) where.push(`${alias}.area_id = $${params.push(filter.areaId)}`);
  if (filter.categoryId) where.push(`${categoryColumn} = $${params.push(filter.categoryId)}`);
}
