import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city's time zone becomes a setting instead of a literal in `plaza_business_due`
 * (docs/decisions/0003-config-scheduler-redis.md).
 *
 * `plaza_business_due(start, days, zone)` takes the zone as a parameter, for queries that pass the
 * configured zone. The triggers that stamp `due_at` on every insert cannot take parameters, so the
 * two-argument form reads the zone from the one-row `city_settings`, which the API writes from
 * CITY_TIME_ZONE at every boot (`syncCityTimeZone`). The row starts as Europe/Madrid because that is
 * the zone every existing `due_at` was computed in.
 */
export class CityTimeZone1796180000000 implements MigrationInterface {
  name = 'CityTimeZone1796180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE city_settings (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        time_zone text NOT NULL
      )`);
    await q.query(`INSERT INTO city_settings (time_zone) VALUES ($1)`, ['Europe/Madrid']);
    // End of the `days`-th business day after the day `start` falls on in `zone`.
    await q.query(`
      CREATE FUNCTION plaza_business_due(start timestamptz, days integer, zone text) RETURNS timestamptz
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
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer) RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
        SELECT plaza_business_due(start, days, (SELECT time_zone FROM city_settings))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to the body the function had before this migration.
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_business_due(start timestamptz, days integer) RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
        SELECT ((d.day + 1)::timestamp AT TIME ZONE 'Europe/Madrid') - interval '1 millisecond'
          FROM (SELECT g::date AS day
                  FROM generate_series((start AT TIME ZONE 'Europe/Madrid')::date + 1,
                                       (start AT TIME ZONE 'Europe/Madrid')::date + greatest(days, 1) * 2 + 40,
                                       interval '1 day') g
                 WHERE extract(isodow FROM g) < 6
                   AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g::date)
                 ORDER BY g
                OFFSET greatest(days, 1) - 1 LIMIT 1) d
      $$`);
    await q.query(`DROP FUNCTION plaza_business_due(timestamptz, integer, text)`);
    await q.query(`DROP TABLE city_settings`);
  }
}
