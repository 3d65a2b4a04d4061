import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every scope a page shows: the whole city, the report's district and its department. A report
 * outside every district (or without a department) counts for the city only.
 */
const SCOPES = `(VALUES ('city', NULL::uuid), ('area', f.area_id), ('department', f.department_id)) s(scope, scope_id)
   WHERE f.report_id IS NOT NULL AND (s.scope = 'city' OR s.scope_id IS NOT NULL)`;

/**
 * Roll-ups of the public statistics per page scope (docs/statistics.md, "Roll-ups";
 * docs/decisions/0004-statistics-pre-aggregation.md): the daily table barely aggregates at a
 * million reports (about one row per report), so every endpoint now reads rows whose number
 * depends on the number of groups (months × categories, districts, departments × statuses), never
 * on the number of reports.
 *
 * - `stats_report_rollup`: per scope (city / area / department) × month × dimension (category,
 *   area, department) × key × status, a count of reports filed.
 * - `stats_report_weekly`: per scope × ISO week × status.
 * - `stats_response_rollup`: per scope × month of filing × group (department for the city and a
 *   district; category for a department) a histogram of business days to the first public
 *   response (with in-time flag) and to the fix, and the unanswered reports by due date, so that
 *   "overdue" can still be read against the clock (`due_at < now()`).
 *
 * A trigger on `stats_report_facts` moves a fact's contributions (old −1, new +1, netted, in key
 * order so that concurrent moves cannot deadlock); `plaza_stats_rebuild()` rebuilds them too.
 */
export class StatisticsRollups1796321398380 implements MigrationInterface {
  name = 'StatisticsRollups1796321398380';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_report_rollup (
        scope text NOT NULL CHECK (scope IN ('city', 'area', 'department')),
        scope_id uuid,
        month date NOT NULL,
        dim text NOT NULL CHECK (dim IN ('category', 'area', 'department')),
        key_id uuid,
        status text NOT NULL,
        reports integer NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX stats_report_rollup_key ON stats_report_rollup
        (scope, scope_id, month, dim, key_id, status) INCLUDE (reports) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE stats_report_weekly (
        scope text NOT NULL CHECK (scope IN ('city', 'area', 'department')),
        scope_id uuid,
        week date NOT NULL,
        status text NOT NULL,
        reports integer NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX stats_report_weekly_key ON stats_report_weekly
        (scope, scope_id, week, status) INCLUDE (reports) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE stats_response_rollup (
        scope text NOT NULL CHECK (scope IN ('city', 'area', 'department')),
        scope_id uuid,
        month date NOT NULL,
        group_id uuid,
        kind text NOT NULL CHECK (kind IN ('response', 'fix', 'unanswered')),
        days integer,
        in_time boolean,
        due_at timestamptz,
        reports integer NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX stats_response_rollup_key ON stats_response_rollup
        (scope, scope_id, month, group_id, kind, days, in_time, due_at) INCLUDE (reports) NULLS NOT DISTINCT`);

    // The rows one fact counts in (none for a NULL fact, so old/new can be passed as they are).
    await q.query(`
      CREATE FUNCTION plaza_stats_count_keys(f stats_report_facts)
      RETURNS TABLE (scope text, scope_id uuid, month date, dim text, key_id uuid, status text)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT s.scope, s.scope_id, date_trunc('month', f.day::timestamp)::date, d.dim, d.key_id, f.status
          FROM (VALUES ('category', f.category_id), ('area', f.area_id), ('department', f.department_id)) d(dim, key_id)
         CROSS JOIN ${SCOPES}
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_week_keys(f stats_report_facts)
      RETURNS TABLE (scope text, scope_id uuid, week date, status text)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT s.scope, s.scope_id, f.day - (extract(isodow FROM f.day)::integer - 1), f.status FROM ${SCOPES}
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_response_keys(f stats_report_facts)
      RETURNS TABLE (scope text, scope_id uuid, month date, group_id uuid, kind text, days integer,
                     in_time boolean, due_at timestamptz)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT s.scope, s.scope_id, date_trunc('month', f.day::timestamp)::date,
               CASE WHEN s.scope = 'department' THEN f.category_id ELSE f.department_id END,
               k.kind, k.days, k.in_time, k.due_at
          FROM (VALUES ('response', f.response_days, f.response_in_time, NULL::timestamptz, f.response_days IS NOT NULL),
                       ('fix', f.fix_days, NULL::boolean, NULL::timestamptz, f.fix_days IS NOT NULL),
                       ('unanswered', NULL::integer, NULL::boolean, f.due_at, f.first_response_at IS NULL))
               k(kind, days, in_time, due_at, applies)
         CROSS JOIN ${SCOPES} AND k.applies
      $$`);

    // Old contributions out, new in, netted per row: an unchanged row is not touched at all.
    await q.query(`
      CREATE FUNCTION plaza_stats_move_rollups(o stats_report_facts, n stats_report_facts) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO stats_report_rollup AS r (scope, scope_id, month, dim, key_id, status, reports)
        SELECT scope, scope_id, month, dim, key_id, status, sum(delta)::int
          FROM (SELECT k.*, -1 AS delta FROM plaza_stats_count_keys(o) k
                UNION ALL SELECT k.*, 1 FROM plaza_stats_count_keys(n) k) x
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0
         ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (scope, scope_id, month, dim, key_id, status) DO UPDATE SET reports = r.reports + EXCLUDED.reports;
        INSERT INTO stats_report_weekly AS r (scope, scope_id, week, status, reports)
        SELECT scope, scope_id, week, status, sum(delta)::int
          FROM (SELECT k.*, -1 AS delta FROM plaza_stats_week_keys(o) k
                UNION ALL SELECT k.*, 1 FROM plaza_stats_week_keys(n) k) x
         GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (scope, scope_id, week, status) DO UPDATE SET reports = r.reports + EXCLUDED.reports;
        INSERT INTO stats_response_rollup AS r (scope, scope_id, month, group_id, kind, days, in_time, due_at, reports)
        SELECT scope, scope_id, month, group_id, kind, days, in_time, due_at, sum(delta)::int
          FROM (SELECT k.*, -1 AS delta FROM plaza_stats_response_keys(o) k
                UNION ALL SELECT k.*, 1 FROM plaza_stats_response_keys(n) k) x
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(delta) <> 0
         ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (scope, scope_id, month, group_id, kind, days, in_time, due_at)
          DO UPDATE SET reports = r.reports + EXCLUDED.reports;
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_facts_rolled() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('plaza.stats_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM plaza_stats_move_rollups(NULL, NEW);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM plaza_stats_move_rollups(OLD, NULL);
        ELSE
          PERFORM plaza_stats_move_rollups(OLD, NEW);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER stats_report_facts_rollups AFTER INSERT OR UPDATE OR DELETE ON stats_report_facts
        FOR EACH ROW EXECUTE FUNCTION plaza_stats_facts_rolled()`);

    // Set-wise rebuild of the roll-ups from the facts; plaza_stats_rebuild() now ends with it.
    await q.query(`
      CREATE FUNCTION plaza_stats_rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE stats_report_rollup, stats_report_weekly, stats_response_rollup;
        INSERT INTO stats_report_rollup (scope, scope_id, month, dim, key_id, status, reports)
        SELECT k.scope, k.scope_id, k.month, k.dim, k.key_id, k.status, count(*)
          FROM stats_report_facts f CROSS JOIN LATERAL plaza_stats_count_keys(f) k
         GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO stats_report_weekly (scope, scope_id, week, status, reports)
        SELECT k.scope, k.scope_id, k.week, k.status, count(*)
          FROM stats_report_facts f CROSS JOIN LATERAL plaza_stats_week_keys(f) k
         GROUP BY 1, 2, 3, 4;
        INSERT INTO stats_response_rollup (scope, scope_id, month, group_id, kind, days, in_time, due_at, reports)
        SELECT k.scope, k.scope_id, k.month, k.group_id, k.kind, k.days, k.in_time, k.due_at, count(*)
          FROM stats_report_facts f CROSS JOIN LATERAL plaza_stats_response_keys(f) k
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
        PERFORM nextval('stats_version_seq');
      END
      $$`);
    await q.query(`ALTER FUNCTION plaza_stats_rebuild() RENAME TO plaza_stats_rebuild_facts`);
    await q.query(`
      CREATE FUNCTION plaza_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM plaza_stats_rebuild_facts();
        PERFORM plaza_stats_rebuild_rollups();
      END
      $$`);
    await q.query(`SELECT plaza_stats_rebuild_rollups()`);
    // Fresh statistics for the planner: the roll-ups are read by index ranges from the first request.
    await q.query(`ANALYZE stats_report_rollup, stats_report_weekly, stats_response_rollup`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION plaza_stats_rebuild()`);
    await q.query(`ALTER FUNCTION plaza_stats_rebuild_facts() RENAME TO plaza_stats_rebuild`);
    await q.query(`DROP FUNCTION plaza_stats_rebuild_rollups()`);
    await q.query(`DROP TRIGGER stats_report_facts_rollups ON stats_report_facts`);
    await q.query(`DROP FUNCTION plaza_stats_facts_rolled()`);
    await q.query(`DROP FUNCTION plaza_stats_move_rollups(stats_report_facts, stats_report_facts)`);
    await q.query(`DROP FUNCTION plaza_stats_response_keys(stats_report_facts)`);
    await q.query(`DROP FUNCTION plaza_stats_week_keys(stats_report_facts)`);
    await q.query(`DROP FUNCTION plaza_stats_count_keys(stats_report_facts)`);
    await q.query(`DROP TABLE stats_response_rollup`);
    await q.query(`DROP TABLE stats_report_weekly`);
    await q.query(`DROP TABLE stats_report_rollup`);
  }
}
