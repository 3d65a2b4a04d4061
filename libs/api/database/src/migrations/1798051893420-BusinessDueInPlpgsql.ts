import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `plaza_business_due()` stamps `due_at` on every report inserted (trigger `reports_due_at`), so
 * its cost is paid by every filing. As a SQL function that PostgreSQL cannot inline it was planned
 * again on every call, and it asked the holidays table once per calendar day it walked. In plpgsql
 * its one query (the holidays in the window, as an array) keeps a cached plan and the walk is
 * plain arithmetic: ≈ 150 → 47 µs a call, measured on the million-report database
 * (docs/performance.md, "Creation"). Same results: the integration test compares both bodies over
 * two years of starts, seven targets and three time zones, holidays included.
 */
export const BUSINESS_DUE_PLPGSQL = `
  CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer, zone text) RETURNS timestamptz
  LANGUAGE plpgsql STABLE AS $$
  DECLARE
    -- The walk covers the same window as before: the day after start, up to 2 × days + 40 days on.
    first_day date := (start AT TIME ZONE zone)::date + 1;
    last_day date := (start AT TIME ZONE zone)::date + greatest(days, 1) * 2 + 40;
    wanted integer := greatest(days, 1);
    closed date[];
    day date;
  BEGIN
    IF first_day IS NULL THEN
      RETURN NULL;
    END IF;
    SELECT coalesce(array_agg(h.date), '{}') INTO closed FROM holidays h WHERE h.date BETWEEN first_day AND last_day;
    day := first_day;
    WHILE day <= last_day LOOP
      IF extract(isodow FROM day) < 6 AND NOT (day = ANY (closed)) THEN
        wanted := wanted - 1;
        IF wanted = 0 THEN
          -- The end of that business day in the city's zone.
          RETURN ((day + 1)::timestamp AT TIME ZONE zone) - interval '1 millisecond';
        END IF;
      END IF;
      day := day + 1;
    END LOOP;
    RETURN NULL;
  END $$`;

/** The body it had (migration CityTimeZone), for `down` and for the test that compares the two. */
export const BUSINESS_DUE_SQL = `
  CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer, zone text) RETURNS timestamptz
  LANGUAGE sql STABLE AS $$
    SELECT ((d.day + 1)::timestamp AT TIME ZONE zone) - interval '1 millisecond'
      FROM (SELECT g::date AS day
              FROM generate_series((start AT TIME ZONE zone)::date + 1,
                                   (start AT TIME ZONE zone)::date + greatest(days, 1) * 2 + 40,
                                   interval '1 day') g
             WHERE extract(isodow FROM g) < 6
               AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g::date)
             ORDER BY g
            OFFSET greatest(days, 1) - 1 LIMIT 1) d
  $$`;

export class BusinessDueInPlpgsql1798051893420 implements MigrationInterface {
  name = 'BusinessDueInPlpgsql1798051893420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(BUSINESS_DUE_PLPGSQL);
    // The triggers' form reads the zone from city_settings; in plpgsql that read is a cached plan too.
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer) RETURNS timestamptz
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN plaza_business_due(start, days, (SELECT time_zone FROM city_settings));
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(BUSINESS_DUE_SQL);
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer) RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
        SELECT plaza_business_due(start, days, (SELECT time_zone FROM city_settings))
      $$`);
  }
}
