import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

/** Which reports a figure covers: the whole city, one district, or one department. */
export interface StatsScope {
  areaId: string | null;
  departmentId: string | null;
}

/** Local days (YYYY-MM-DD), both included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

export interface NamedRow {
  id: string;
  code: string;
  name: string;
}

export type CountDimension =
  | 'status'
  | 'category'
  | 'area'
  | 'department'
  | 'theme'
  | 'month_status'
  | 'month_department'
  | 'week_status';

export interface CountRow {
  dimension: CountDimension;
  /** A status, or the code of a category, area, department or theme; null for "none" (no area). */
  key: string | null;
  /** The localized name of a category, area, department or theme. */
  label: string | null;
  /** 'YYYY-MM' for months, the Monday 'YYYY-MM-DD' for weeks. */
  period: string | null;
  count: number;
}

export type ResponseKind = 'response' | 'overdue' | 'fix';

export interface ResponseRow {
  /** The department's or category's code, as asked. */
  groupKey: string | null;
  groupLabel: string | null;
  /** Target of the category (when grouped by category). */
  targetDays: number | null;
  month: string;
  /** response: answered, days = business days to the first public answer; overdue: not answered and past due; fix: days to fixed. */
  kind: ResponseKind;
  days: number | null;
  inTime: boolean | null;
  count: number;
}

/**
 * Statistics SQL. Reads the pre-aggregated tables this library's migration keeps
 * (stats_report_daily, stats_proposal_daily, stats_report_facts) and, read-only, the names of
 * areas, categories, departments and themes owned by the catalogue, admin and proposals
 * libraries: a reporting library reads across, it never writes there.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Today in the city (the calendar's time zone lives in plaza_stats_time_zone()), and a version
   * of the figures: it moves with every change to the statistics tables, and every hour (overdue
   * counts depend on the clock).
   */
  async version(): Promise<{ version: string; today: string }> {
    const rows = await this.db.query<Array<{ version: string; today: string }>>(
      `SELECT (SELECT last_value FROM stats_version_seq)::text || '@' ||
              to_char(now() AT TIME ZONE plaza_stats_time_zone(), 'YYYY-MM-DD"T"HH24') AS version,
              plaza_stats_local_day(now())::text AS today`,
    );
    return rows[0]!;
  }

  async findArea(code: string): Promise<NamedRow | null> {
    const rows = await this.db.query<NamedRow[]>(`SELECT id, code, name FROM areas WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async findDepartment(code: string, locale: Locale): Promise<NamedRow | null> {
    const rows = await this.db.query<NamedRow[]>(
      `SELECT id, code, coalesce(name ->> $2::text, name ->> 'es') AS name FROM departments WHERE code = $1`,
      [code, locale],
    );
    return rows[0] ?? null;
  }

  /** Public reports created in the period, counted along every dimension the pages show, in one pass. */
  async reportCounts(scope: StatsScope, period: StatsPeriod, locale: Locale): Promise<CountRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const where = ['d.day BETWEEN $1::date AND $2::date'];
    if (scope.areaId) where.push(`d.area_id = $${params.push(scope.areaId)}`);
    if (scope.departmentId) where.push(`d.department_id = $${params.push(scope.departmentId)}`);
    return this.db.query<CountRow[]>(
      `WITH d AS MATERIALIZED (
         SELECT d.day, d.status, d.category_id, d.area_id, d.department_id, sum(d.reports)::int AS n
           FROM stats_report_daily d
          WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3, 4, 5
         HAVING sum(d.reports) <> 0)
       SELECT 'status' AS dimension, status AS key, NULL AS label, NULL AS period, sum(n)::int AS count
         FROM d GROUP BY status
       UNION ALL
       SELECT 'category', c.code, coalesce(c.name ->> $3::text, c.name ->> 'es'), NULL, sum(n)::int
         FROM d JOIN categories c ON c.id = d.category_id GROUP BY c.code, c.name
       UNION ALL
       SELECT 'area', a.code, a.name, NULL, sum(n)::int
         FROM d LEFT JOIN areas a ON a.id = d.area_id GROUP BY a.code, a.name
       UNION ALL
       SELECT 'department', p.code, coalesce(p.name ->> $3::text, p.name ->> 'es'), NULL, sum(n)::int
         FROM d LEFT JOIN departments p ON p.id = d.department_id GROUP BY p.code, p.name
       UNION ALL
       SELECT 'month_status', status, NULL, to_char(day, 'YYYY-MM'), sum(n)::int
         FROM d GROUP BY status, to_char(day, 'YYYY-MM')
       UNION ALL
       SELECT 'month_department', p.code, NULL, to_char(day, 'YYYY-MM'), sum(n)::int
         FROM d LEFT JOIN departments p ON p.id = d.department_id GROUP BY p.code, to_char(day, 'YYYY-MM')
       UNION ALL
       SELECT 'week_status', status, NULL, to_char(date_trunc('week', day), 'YYYY-MM-DD'), sum(n)::int
         FROM d GROUP BY status, date_trunc('week', day)`,
      params,
    );
  }

  /** Public proposals created in the period, by status, theme, area and month. */
  async proposalCounts(areaId: string | null, period: StatsPeriod, locale: Locale): Promise<CountRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const where = ['d.day BETWEEN $1::date AND $2::date'];
    if (areaId) where.push(`d.area_id = $${params.push(areaId)}`);
    return this.db.query<CountRow[]>(
      `WITH d AS MATERIALIZED (
         SELECT d.day, d.status, d.theme_id, d.area_id, sum(d.proposals)::int AS n
           FROM stats_proposal_daily d
          WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3, 4
         HAVING sum(d.proposals) <> 0)
       SELECT 'status' AS dimension, status AS key, NULL AS label, NULL AS period, sum(n)::int AS count
         FROM d GROUP BY status
       UNION ALL
       SELECT 'theme', t.code, coalesce(t.name ->> $3::text, t.name ->> 'es'), NULL, sum(n)::int
         FROM d JOIN proposal_themes t ON t.id = d.theme_id GROUP BY t.code, t.name
       UNION ALL
       SELECT 'area', a.code, a.name, NULL, sum(n)::int
         FROM d LEFT JOIN areas a ON a.id = d.area_id GROUP BY a.code, a.name
       UNION ALL
       SELECT 'month_status', status, NULL, to_char(day, 'YYYY-MM'), sum(n)::int
         FROM d GROUP BY status, to_char(day, 'YYYY-MM')`,
      params,
    );
  }

  /**
   * Histograms of business days to the first public answer and to the fix, by month of filing and
   * by department or category, plus the unanswered reports already past their due date.
   * Medians and percentiles are read off these exactly (whole days) in percentiles.ts.
   */
  async responseHistogram(
    scope: StatsScope,
    period: StatsPeriod,
    groupBy: 'department' | 'category',
    locale: Locale,
  ): Promise<ResponseRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const where = ['f.day BETWEEN $1::date AND $2::date'];
    if (scope.areaId) where.push(`f.area_id = $${params.push(scope.areaId)}`);
    if (scope.departmentId) where.push(`f.department_id = $${params.push(scope.departmentId)}`);
    const group =
      groupBy === 'department'
        ? { id: 'f.department_id', join: 'LEFT JOIN departments g ON g.id = h.group_id', target: 'NULL::int' }
        : { id: 'f.category_id', join: 'JOIN categories g ON g.id = h.group_id', target: 'g.target_days' };
    return this.db.query<ResponseRow[]>(
      `WITH h AS (
         SELECT ${group.id} AS group_id, to_char(f.day, 'YYYY-MM') AS month, 'response' AS kind,
                f.response_days AS days, f.response_in_time AS in_time, count(*)::int AS n
           FROM stats_report_facts f
          WHERE ${where.join(' AND ')} AND f.response_days IS NOT NULL
          GROUP BY 1, 2, 4, 5
         UNION ALL
         SELECT ${group.id}, to_char(f.day, 'YYYY-MM'), 'overdue', NULL, false, count(*)::int
           FROM stats_report_facts f
          WHERE ${where.join(' AND ')} AND f.first_response_at IS NULL AND f.due_at < now()
          GROUP BY 1, 2
         UNION ALL
         SELECT ${group.id}, to_char(f.day, 'YYYY-MM'), 'fix', f.fix_days, NULL, count(*)::int
           FROM stats_report_facts f
          WHERE ${where.join(' AND ')} AND f.fix_days IS NOT NULL
          GROUP BY 1, 2, 4)
       SELECT g.code AS "groupKey", coalesce(g.name ->> $3::text, g.name ->> 'es') AS "groupLabel",
              ${group.target} AS "targetDays", h.month, h.kind, h.days, h.in_time AS "inTime", h.n AS count
         FROM h ${group.join}`,
      params,
    );
  }
}
