import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each report keeps the part of its public GeoJSON Feature that depends on its own row, rendered
 * once when the row is written instead of on every read (docs/decisions/0018-viewport-grid.md,
 * "Features rendered at write time"). A street view builds 500 features; building them with
 * `json_build_object` was the largest cost of the request once the grid found its rows in 1 ms.
 *
 * `public_fragment` is the Feature's text from its first key to the report's last own property,
 * left open: libs/api/reports/src/public-feature.sql.ts closes it with what lives in other tables
 * (category code, area and department names, photos). Only what the public Feature already showed
 * is in it: the reporter's name only when they chose to show it, nothing else of their contact.
 *
 * The trigger fires on the columns the fragment reads, so every write that changes one of them
 * (staff edits, status changes, supports, erasure of a name) renders it again in the same row.
 * The column is NOT NULL: a path that writes reports with this trigger off fails loudly rather
 * than serving broken features.
 */
const FRAGMENT_COLUMNS = [
  'ref',
  'title',
  'description',
  'status',
  'address',
  'reporter_name',
  'reporter_show_name',
  'created_at',
  'updated_at',
  'support_count',
  'location',
];

export class ReportPublicFragments1798140000000 implements MigrationInterface {
  name = 'ReportPublicFragments1798140000000';

  async up(q: QueryRunner): Promise<void> {
    // Text built by concatenation, one allocation per piece: what json_build_object produced,
    // without its spaces, and `to_json` escapes every string exactly as json_build_object did.
    await q.query(`
      CREATE FUNCTION plaza_report_public_fragment(r reports) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT '"type":"Feature","id":' || to_json(r.ref)
            || ',"geometry":{"type":"Point","coordinates":['
            || round(ST_X(r.location)::numeric, 6) || ',' || round(ST_Y(r.location)::numeric, 6) || ']}'
            || ',"properties":{"ref":' || to_json(r.ref)
            || ',"title":' || to_json(r.title)
            || ',"description":' || to_json(r.description)
            || ',"status":' || to_json(r.status)
            || ',"address":' || coalesce(to_json(r.address)::text, 'null')
            || ',"reporterName":' || CASE WHEN r.reporter_show_name THEN to_json(r.reporter_name)::text ELSE 'null' END
            || ',"createdAt":"' || to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || '","updatedAt":"' || to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || '","supports":' || r.support_count
      $$`);
    await q.query(`
      CREATE FUNCTION plaza_report_public_fragment_set() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.public_fragment := plaza_report_public_fragment(NEW);
        RETURN NEW;
      END
      $$`);
    await q.query(`ALTER TABLE reports ADD COLUMN public_fragment text`);
    // Once, for the reports already there: about 3–5 minutes per million reports on two cores
    // (every index gets the new row version). Only reports_log_change also fires, and does nothing
    // (updated_at is unchanged).
    await q.query(`UPDATE reports r SET public_fragment = plaza_report_public_fragment(r)`);
    await q.query(`ALTER TABLE reports ALTER COLUMN public_fragment SET NOT NULL`);
    await q.query(`
      CREATE TRIGGER reports_public_fragment
      BEFORE INSERT OR UPDATE OF ${FRAGMENT_COLUMNS.join(', ')} ON reports
      FOR EACH ROW EXECUTE FUNCTION plaza_report_public_fragment_set()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_public_fragment ON reports`);
    await q.query(`ALTER TABLE reports DROP COLUMN public_fragment`);
    await q.query(`DROP FUNCTION plaza_report_public_fragment_set()`);
    await q.query(`DROP FUNCTION plaza_report_public_fragment(reports)`);
  }
}
