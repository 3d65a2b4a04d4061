import { Injectable } from '@nestjs/common';
import { PublicReads } from '@plaza/api/database';
import type { Locale } from '@plaza/shared/contracts';

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

export interface ServiceTargetRow {
  code: string;
  name: string;
  targetDays: number;
  departmentCode: string | null;
  departmentName: string | null;
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
  // Public statistics only: every figure may be served by a read replica (docs/operations.md#read-replicas).
  constructor(private readonly reads: PublicReads) {}

  /**
   * Today in the city (the calendar's time zone lives in plaza_stats_time_zone()), and a version
   * of the figures: it moves with every change to the statistics tables, and every hour (overdue
   * counts depend on the clock).
   */
  async version(): Promise<{ version: string; today: string }> {
    const rows = await this.reads.query<Array<{ version: string; today: string }>>(
      `SELECT (SELECT last_value FROM stats_version_seq)::text || '@' ||
              to_char(now() AT TIME ZONE plaza_stats_time_zone(), 'YYYY-MM-DD"T"HH24') AS version,
              plaza_stats_local_day(now())::text AS today`,
    );
    return rows[0]!;
  }

  async findArea(code: string): Promise<NamedRow | null> {
    const rows = await this.reads.query<NamedRow[]>(`SELECT id, code, name FROM areas WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async findDepartment(code: string, locale: Locale): Promise<NamedRow | null> {
    const rows = await this.reads.query<NamedRow[]>(
      `SELECT id, code, coalesce(name ->> $2::text, name ->> 'es') AS name FROM departments WHERE code = $1`,
      [code, locale],
    );
    return rows[0] ?? null;
  }

  /**
   * The department handling a public report (the facts table holds only public reports, so a
   * hidden or unconfirmed one is "not found" here as on its page).
   */
  async reportDepartment(ref: string): Promise<{ code: string | null } | null> {
    const rows = await this.reads.query<Array<{ code: string | null }>>(
      `SELECT p.code FROM reports r
         JOIN stats_report_facts f ON f.report_id = r.id
         LEFT JOIN departments p ON p.id = r.department_id
        WHERE r.ref = $1`,
      [ref],
    );
    return rows[0] ?? null;
  }

  /** Every active category with its response target (business days) and default department. */
  async serviceTargets(locale: Locale): Promise<ServiceTargetRow[]> {
    return this.reads.query<ServiceTargetRow[]>(
      `SELECT c.code, coalesce(c.name ->> $1::text, c.name ->> 'es') AS name, c.target_days AS "targetDays",
              p.code AS "departmentCode", coalesce(p.name ->> $1::text, p.name ->> 'es') AS "departmentName"
         FROM categories c
         LEFT JOIN departments p ON p.id = c.default_department_id
        WHERE c.active
        ORDER BY c.sort_order, c.code`,
      [locale],
    );
  }

  /**
   * Public reports created in the period, counted along every dimension the pages show, in one
   * pass over the scope's monthly roll-up (months × categories, districts and departments ×
   * statuses: a few thousand rows at most, whatever the number of reports) and its weekly one.
   * The period starts on the first of a month, so whole months are exact; the first ISO week may
   * begin before it, and its days inside the period are read from the daily table (≤ 6 days).
   */
  async reportCounts(scope: StatsScope, period: StatsPeriod, locale: Locale): Promise<CountRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const inScope = this.rollupScope(scope, params);
    const daily = ['d.day >= $1::date', "d.day < $1::date + ((8 - extract(isodow FROM $1::date)::int) % 7)"];
    if (scope.areaId) daily.push(`d.area_id = $${params.push(scope.areaId)}`);
    if (scope.departmentId) daily.push(`d.department_id = $${params.push(scope.departmentId)}`);
    return this.reads.query<CountRow[]>(
      `WITH r AS MATERIALIZED (
         SELECT r.month, r.dim, r.key_id, r.status, sum(r.reports)::int AS n
           FROM stats_report_rollup r
          WHERE ${inScope} AND r.month BETWEEN $1::date AND $2::date
          GROUP BY 1, 2, 3, 4
         HAVING sum(r.reports) <> 0),
       w AS (
         SELECT r.week, r.status, r.reports AS n
           FROM stats_report_weekly r
          WHERE ${inScope} AND r.week BETWEEN $1::date AND $2::date
         UNION ALL
         SELECT d.day - (extract(isodow FROM d.day)::int - 1), d.status, d.reports
           FROM stats_report_daily d
          WHERE ${daily.join(' AND ')})
       SELECT 'status' AS dimension, status AS key, NULL AS label, NULL AS period, sum(n)::int AS count
         FROM r WHERE dim = 'department' GROUP BY status
       UNION ALL
       SELECT 'category', c.code, coalesce(c.name ->> $3::text, c.name ->> 'es'), NULL, sum(n)::int
         FROM r JOIN categories c ON c.id = r.key_id WHERE dim = 'category' GROUP BY c.code, c.name
       UNION ALL
       SELECT 'area', a.code, a.name, NULL, sum(n)::int
         FROM r LEFT JOIN areas a ON a.id = r.key_id WHERE dim = 'area' GROUP BY a.code, a.name
       UNION ALL
       SELECT 'department', p.code, coalesce(p.name ->> $3::text, p.name ->> 'es'), NULL, sum(n)::int
         FROM r LEFT JOIN departments p ON p.id = r.key_id WHERE dim = 'department' GROUP BY p.code, p.name
       UNION ALL
       SELECT 'month_status', status, NULL, to_char(month, 'YYYY-MM'), sum(n)::int
         FROM r WHERE dim = 'department' GROUP BY status, month
       UNION ALL
       SELECT 'month_department', p.code, NULL, to_char(month, 'YYYY-MM'), sum(n)::int
         FROM r LEFT JOIN departments p ON p.id = r.key_id WHERE dim = 'department' GROUP BY p.code, month
       UNION ALL
       SELECT 'week_status', status, NULL, to_char(week, 'YYYY-MM-DD'), sum(n)::int
         FROM w GROUP BY status, week HAVING sum(n) <> 0`,
      params,
    );
  }

  /** The roll-up rows of one scope (`r.scope`, `r.scope_id`), for the index's leading columns. */
  private rollupScope(scope: StatsScope, params: unknown[]): string {
    if (scope.departmentId) return `r.scope = 'department' AND r.scope_id = $${params.push(scope.departmentId)}`;
    if (scope.areaId) return `r.scope = 'area' AND r.scope_id = $${params.push(scope.areaId)}`;
    return `r.scope = 'city' AND r.scope_id IS NULL`;
  }

  /** Public proposals created in the period, by status, theme, area and month. */
  async proposalCounts(areaId: string | null, period: StatsPeriod, locale: Locale): Promise<CountRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const where = ['d.day BETWEEN $1::date AND $2::date'];
    if (areaId) where.push(`d.area_id = $${params.push(areaId)}`);
    return this.reads.query<CountRow[]>(
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
   * by department (city, district) or category (department), plus the unanswered reports already
   * past their due date — read from the scope's response roll-up, whose size depends on months ×
   * groups × distinct day counts, not on reports. Medians and percentiles are read off these
   * exactly (whole days) in percentiles.ts.
   */
  async responseHistogram(scope: StatsScope, period: StatsPeriod, locale: Locale): Promise<ResponseRow[]> {
    const params: unknown[] = [period.from, period.to, locale];
    const inScope = this.rollupScope(scope, params);
    const group = scope.departmentId
      ? { join: 'JOIN categories g ON g.id = h.group_id', target: 'g.target_days' }
      : { join: 'LEFT JOIN departments g ON g.id = h.group_id', target: 'NULL::int' };
    return this.reads.query<ResponseRow[]>(
      `WITH h AS (
         SELECT r.group_id, to_char(r.month, 'YYYY-MM') AS month,
                CASE r.kind WHEN 'unanswered' THEN 'overdue' ELSE r.kind END AS kind,
                r.days, CASE r.kind WHEN 'unanswered' THEN false ELSE r.in_time END AS in_time,
                sum(r.reports)::int AS n
           FROM stats_response_rollup r
          WHERE ${inScope} AND r.month BETWEEN $1::date AND $2::date
            AND (r.kind <> 'unanswered' OR r.due_at < now())
          GROUP BY 1, 2, 3, 4, 5
         HAVING sum(r.reports) <> 0)
       SELECT g.code AS "groupKey", coalesce(g.name ->> $3::text, g.name ->> 'es') AS "groupLabel",
              ${group.target} AS "targetDays", h.month, h.kind, h.days, h.in_time AS "inTime", h.n AS count
         FROM h ${group.join}`,
      params,
    );
  }
}
