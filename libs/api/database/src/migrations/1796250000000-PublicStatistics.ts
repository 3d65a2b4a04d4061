import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A report counts for the public only once it is filed (confirmed by its reporter) and moderated. */
const publicReport = (alias: string) =>
  `${alias}.status NOT IN ('unconfirmed', 'hidden') AND ${alias}.confirmation_pending_since IS NULL`;
/**
 * The first public response: a staff message published on the report, or the report moved to a
 * work or closing status by staff or by the department's own system (Open311). Confirming a
 * report in moderation is not an answer.
 */
const RESPONSE_EVENT = `e.is_public AND e.actor_kind <> 'citizen'
  AND ((e.actor_kind = 'staff' AND e.message IS NOT NULL)
       OR e.to_status NOT IN ('unconfirmed', 'confirmed', 'hidden'))`;

/**
 * Public statistics (docs/statistics.md, docs/decisions/0004-statistics-pre-aggregation.md):
 * one fact row per public report with its response and fix times in business days, and daily
 * counts by day × department × category × area × status (proposals: day × theme × area × status),
 * all kept current by triggers on the write path.
 *
 * The calendar is the console's: Monday–Friday minus the holidays table, in the city's time zone.
 * `plaza_stats_time_zone()` is the ONLY place the statistics name a time zone; the response
 * target itself is `reports.due_at`, which plaza_business_due computes.
 */
export class PublicStatistics1796250000000 implements MigrationInterface {
  name = 'PublicStatistics1796250000000';

  async up(q: QueryRunner): Promise<void> {
    // --- The calendar, in one place -------------------------------------------------------------
    await q.query(`
      CREATE FUNCTION plaza_stats_time_zone() RETURNS text LANGUAGE sql STABLE AS $$ SELECT time_zone FROM city_settings $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_local_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT (at AT TIME ZONE plaza_stats_time_zone())::date
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_day_start(day date) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT day::timestamp AT TIME ZONE plaza_stats_time_zone()
      $$`);
    // Business days d with local(start) < d <= local(finish): same day 0, next business day 1
    // (businessDaysBetween in shared/moderation, as the console counts).
    await q.query(`
      CREATE FUNCTION plaza_stats_business_days(start timestamptz, finish timestamptz) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN finish IS NULL THEN NULL ELSE (
          SELECT count(*)::integer
            FROM generate_series(plaza_stats_local_day(start) + 1, plaza_stats_local_day(finish), interval '1 day') g
           WHERE extract(isodow FROM g) < 6
             AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g::date)) END
      $$`);

    // --- Tables ---------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE stats_report_facts (
        report_id bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        day date NOT NULL,
        department_id uuid,
        category_id uuid NOT NULL,
        area_id uuid,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        due_at timestamptz,
        first_response_at timestamptz,
        response_days integer,
        response_in_time boolean,
        fixed_at timestamptz,
        fix_days integer
      )`);
    // Covering: the city's response histograms are index-only scans over a period.
    await q.query(`
      CREATE INDEX stats_report_facts_day_idx ON stats_report_facts (day)
        INCLUDE (department_id, category_id, area_id, response_days, response_in_time, fix_days, first_response_at, due_at)`);
    await q.query(`
      CREATE INDEX stats_report_facts_department_idx ON stats_report_facts (department_id, day)
        INCLUDE (category_id, response_days, response_in_time, fix_days, due_at)`);
    await q.query(`
      CREATE INDEX stats_report_facts_area_idx ON stats_report_facts (area_id, day)
        INCLUDE (department_id, response_days, response_in_time, fix_days, due_at)`);
    await q.query(`
      CREATE TABLE stats_report_daily (
        day date NOT NULL,
        department_id uuid,
        category_id uuid NOT NULL,
        area_id uuid,
        status text NOT NULL,
        reports integer NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX stats_report_daily_key ON stats_report_daily
        (day, department_id, category_id, area_id, status) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE stats_proposal_daily (
        day date NOT NULL,
        theme_id uuid NOT NULL,
        area_id uuid,
        status text NOT NULL,
        proposals integer NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX stats_proposal_daily_key ON stats_proposal_daily (day, theme_id, area_id, status) NULLS NOT DISTINCT`);

    // Moves on every change to the figures (nextval is not transactional, so it never waits):
    // readers cache what they computed for a version (see stats.service.ts).
    await q.query(`CREATE SEQUENCE stats_version_seq`);

    // --- One report's facts, recomputed from the source rows (idempotent) -----------------------
    await q.query(`
      CREATE FUNCTION plaza_stats_sync_report(rid bigint) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        r record;
        responded timestamptz;
        fixed timestamptz;
      BEGIN
        -- The row lock serialises two writers of one report, so the second reads the first's
        -- committed events (READ COMMITTED: the next statement takes a fresh snapshot).
        SELECT id, created_at, category_id, department_id, area_id, status, due_at,
               (${publicReport('reports')}) AS public
          INTO r FROM reports WHERE id = rid FOR NO KEY UPDATE;
        IF NOT FOUND OR NOT r.public THEN
          DELETE FROM stats_report_facts WHERE report_id = rid;
          RETURN;
        END IF;
        SELECT min(e.at) FILTER (WHERE ${RESPONSE_EVENT}),
               min(e.at) FILTER (WHERE e.is_public AND e.to_status = 'fixed')
          INTO responded, fixed
          FROM report_events e WHERE e.report_id = rid;
        INSERT INTO stats_report_facts AS f
               (report_id, day, department_id, category_id, area_id, status, created_at, due_at,
                first_response_at, response_days, response_in_time, fixed_at, fix_days)
        VALUES (rid, plaza_stats_local_day(r.created_at), r.department_id, r.category_id, r.area_id, r.status,
                r.created_at, r.due_at, responded, plaza_stats_business_days(r.created_at, responded),
                CASE WHEN responded IS NOT NULL THEN responded <= r.due_at END,
                fixed, plaza_stats_business_days(r.created_at, fixed))
        ON CONFLICT (report_id) DO UPDATE SET
               day = EXCLUDED.day, department_id = EXCLUDED.department_id, category_id = EXCLUDED.category_id,
               area_id = EXCLUDED.area_id, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
               due_at = EXCLUDED.due_at, first_response_at = EXCLUDED.first_response_at,
               response_days = EXCLUDED.response_days, response_in_time = EXCLUDED.response_in_time,
               fixed_at = EXCLUDED.fixed_at, fix_days = EXCLUDED.fix_days
         WHERE (f.day, f.department_id, f.category_id, f.area_id, f.status, f.created_at, f.due_at,
                f.first_response_at, f.response_days, f.response_in_time, f.fixed_at, f.fix_days)
               IS DISTINCT FROM
               (EXCLUDED.day, EXCLUDED.department_id, EXCLUDED.category_id, EXCLUDED.area_id, EXCLUDED.status,
                EXCLUDED.created_at, EXCLUDED.due_at, EXCLUDED.first_response_at, EXCLUDED.response_days,
                EXCLUDED.response_in_time, EXCLUDED.fixed_at, EXCLUDED.fix_days);
      END
      $$`);

    await q.query(`
      CREATE FUNCTION plaza_stats_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM plaza_stats_sync_report(NEW.id);
        RETURN NULL;
      END
      $$`);
    // due_at moves with the category (reports_due_at) and with a new target (categories_due_at).
    await q.query(`
      CREATE TRIGGER reports_stats AFTER INSERT OR UPDATE OF status, category_id, department_id, area_id, due_at,
                                                         confirmation_pending_since, created_at ON reports
        FOR EACH ROW EXECUTE FUNCTION plaza_stats_report_changed()`);
    await q.query(`
      CREATE FUNCTION plaza_stats_event_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM plaza_stats_sync_report(NEW.report_id);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER report_events_stats AFTER INSERT ON report_events
        FOR EACH ROW WHEN (NEW.is_public AND NEW.actor_kind <> 'citizen') EXECUTE FUNCTION plaza_stats_event_written()`);

    // --- Daily counts follow the facts ----------------------------------------------------------
    await q.query(`
      CREATE FUNCTION plaza_stats_bump_report(d date, dep uuid, cat uuid, area uuid, st text, delta integer)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_report_daily AS s (day, department_id, category_id, area_id, status, reports)
        VALUES (d, dep, cat, area, st, delta)
        ON CONFLICT (day, department_id, category_id, area_id, status) DO UPDATE SET reports = s.reports + EXCLUDED.reports
      $$`);
    // Two buckets are touched in a fixed (key) order so that concurrent moves cannot deadlock.
    await q.query(`
      CREATE FUNCTION plaza_stats_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_key text;
        new_key text;
      BEGIN
        IF current_setting('plaza.stats_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        PERFORM nextval('stats_version_seq');
        IF TG_OP = 'INSERT' THEN
          PERFORM plaza_stats_bump_report(NEW.day, NEW.department_id, NEW.category_id, NEW.area_id, NEW.status, 1);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM plaza_stats_bump_report(OLD.day, OLD.department_id, OLD.category_id, OLD.area_id, OLD.status, -1);
        ELSIF (OLD.day, OLD.department_id, OLD.category_id, OLD.area_id, OLD.status)
              IS DISTINCT FROM (NEW.day, NEW.department_id, NEW.category_id, NEW.area_id, NEW.status) THEN
          old_key := concat_ws('|', OLD.day, OLD.department_id, OLD.category_id, OLD.area_id, OLD.status);
          new_key := concat_ws('|', NEW.day, NEW.department_id, NEW.category_id, NEW.area_id, NEW.status);
          IF old_key < new_key THEN
            PERFORM plaza_stats_bump_report(OLD.day, OLD.department_id, OLD.category_id, OLD.area_id, OLD.status, -1);
            PERFORM plaza_stats_bump_report(NEW.day, NEW.department_id, NEW.category_id, NEW.area_id, NEW.status, 1);
          ELSE
            PERFORM plaza_stats_bump_report(NEW.day, NEW.department_id, NEW.category_id, NEW.area_id, NEW.status, 1);
            PERFORM plaza_stats_bump_report(OLD.day, OLD.department_id, OLD.category_id, OLD.area_id, OLD.status, -1);
          END IF;
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER stats_report_facts_daily AFTER INSERT OR UPDATE OR DELETE ON stats_report_facts
        FOR EACH ROW EXECUTE FUNCTION plaza_stats_facts_changed()`);

    await q.query(`
      CREATE FUNCTION plaza_stats_bump_proposal(d date, theme uuid, area uuid, st text, delta integer)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_proposal_daily AS s (day, theme_id, area_id, status, proposals)
        VALUES (d, theme, area, st, delta)
        ON CONFLICT (day, theme_id, area_id, status) DO UPDATE SET proposals = s.proposals + EXCLUDED.proposals
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_stats_proposal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.created_at, OLD.theme_id, OLD.area_id, OLD.status)
                                IS NOT DISTINCT FROM (NEW.created_at, NEW.theme_id, NEW.area_id, NEW.status) THEN
          RETURN NULL;
        END IF;
        PERFORM nextval('stats_version_seq');
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'hidden' THEN
          PERFORM plaza_stats_bump_proposal(plaza_stats_local_day(OLD.created_at), OLD.theme_id, OLD.area_id, OLD.status, -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status <> 'hidden' THEN
          PERFORM plaza_stats_bump_proposal(plaza_stats_local_day(NEW.created_at), NEW.theme_id, NEW.area_id, NEW.status, 1);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER proposals_stats AFTER INSERT OR UPDATE OF status, theme_id, area_id, created_at OR DELETE ON proposals
        FOR EACH ROW EXECUTE FUNCTION plaza_stats_proposal_changed()`);

    // A holiday added or removed changes the business days of the answers that straddle it.
    await q.query(`
      CREATE FUNCTION plaza_stats_holiday_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        d date := CASE WHEN TG_OP = 'DELETE' THEN OLD.date ELSE NEW.date END;
      BEGIN
        UPDATE stats_report_facts
           SET response_days = plaza_stats_business_days(created_at, first_response_at),
               fix_days = plaza_stats_business_days(created_at, fixed_at)
         WHERE day < d
           AND (plaza_stats_local_day(first_response_at) >= d OR plaza_stats_local_day(fixed_at) >= d);
        IF TG_OP = 'UPDATE' AND OLD.date <> NEW.date THEN
          UPDATE stats_report_facts
             SET response_days = plaza_stats_business_days(created_at, first_response_at),
                 fix_days = plaza_stats_business_days(created_at, fixed_at)
           WHERE day < OLD.date
             AND (plaza_stats_local_day(first_response_at) >= OLD.date OR plaza_stats_local_day(fixed_at) >= OLD.date);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER holidays_stats AFTER INSERT OR UPDATE OF date OR DELETE ON holidays
        FOR EACH ROW EXECUTE FUNCTION plaza_stats_holiday_changed()`);

    // --- Rebuild from scratch: backfill here, and the way out if the tables are ever doubted -----
    await q.query(`
      CREATE FUNCTION plaza_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('plaza.stats_rebuild', 'on', true);
        TRUNCATE stats_report_facts, stats_report_daily, stats_proposal_daily;
        INSERT INTO stats_report_facts
               (report_id, day, department_id, category_id, area_id, status, created_at, due_at,
                first_response_at, response_days, response_in_time, fixed_at, fix_days)
        SELECT r.id, plaza_stats_local_day(r.created_at), r.department_id, r.category_id, r.area_id, r.status,
               r.created_at, r.due_at, ev.responded, plaza_stats_business_days(r.created_at, ev.responded),
               CASE WHEN ev.responded IS NOT NULL THEN ev.responded <= r.due_at END,
               ev.fixed, plaza_stats_business_days(r.created_at, ev.fixed)
          FROM reports r
          LEFT JOIN LATERAL (
            SELECT min(e.at) FILTER (WHERE ${RESPONSE_EVENT}) AS responded,
                   min(e.at) FILTER (WHERE e.is_public AND e.to_status = 'fixed') AS fixed
              FROM report_events e WHERE e.report_id = r.id) ev ON true
         WHERE ${publicReport('r')};
        INSERT INTO stats_report_daily (day, department_id, category_id, area_id, status, reports)
        SELECT day, department_id, category_id, area_id, status, count(*)
          FROM stats_report_facts GROUP BY day, department_id, category_id, area_id, status;
        INSERT INTO stats_proposal_daily (day, theme_id, area_id, status, proposals)
        SELECT plaza_stats_local_day(created_at), theme_id, area_id, status, count(*)
          FROM proposals WHERE status <> 'hidden'
         GROUP BY 1, theme_id, area_id, status;
        PERFORM set_config('plaza.stats_rebuild', 'off', true);
        PERFORM nextval('stats_version_seq');
      END
      $$`);
    await q.query(`SELECT plaza_stats_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION plaza_stats_rebuild()`);
    await q.query(`DROP TRIGGER holidays_stats ON holidays`);
    await q.query(`DROP FUNCTION plaza_stats_holiday_changed()`);
    await q.query(`DROP TRIGGER proposals_stats ON proposals`);
    await q.query(`DROP FUNCTION plaza_stats_proposal_changed()`);
    await q.query(`DROP FUNCTION plaza_stats_bump_proposal(date, uuid, uuid, text, integer)`);
    await q.query(`DROP TRIGGER report_events_stats ON report_events`);
    await q.query(`DROP FUNCTION plaza_stats_event_written()`);
    await q.query(`DROP TRIGGER reports_stats ON reports`);
    await q.query(`DROP FUNCTION plaza_stats_report_changed()`);
    await q.query(`DROP TABLE stats_report_facts`);
    await q.query(`DROP FUNCTION plaza_stats_facts_changed()`);
    await q.query(`DROP FUNCTION plaza_stats_bump_report(date, uuid, uuid, uuid, text, integer)`);
    await q.query(`DROP FUNCTION plaza_stats_sync_report(bigint)`);
    await q.query(`DROP TABLE stats_report_daily`);
    await q.query(`DROP TABLE stats_proposal_daily`);
    await q.query(`DROP SEQUENCE stats_version_seq`);
    await q.query(`DROP FUNCTION plaza_stats_business_days(timestamptz, timestamptz)`);
    await q.query(`DROP FUNCTION plaza_stats_day_start(date)`);
    await q.query(`DROP FUNCTION plaza_stats_local_day(timestamptz)`);
    await q.query(`DROP FUNCTION plaza_stats_time_zone()`);
  }
}
