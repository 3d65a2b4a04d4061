import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * References that never run out (docs/decisions/0010-report-references.md). The old default,
 * `YYYY-` || lpad(nextval('report_ref_seq'), 6, '0'), truncates a seven-digit number to its first
 * six digits (lpad shortens as well as pads): the millionth report got `2026-100000`, which the
 * 100,000th already had, and every report after it failed on the unique constraint.
 *
 * The number now keeps all its digits: zero-padded to six, growing past them (2026-999999,
 * 2026-1000000). Every existing reference already has this shape, so none changes and every link
 * keeps working; the sequence is untouched, so numbers continue where they were.
 */
export class ReportReferences1796321475986 implements MigrationInterface {
  name = 'ReportReferences1796321475986';

  async up(q: QueryRunner): Promise<void> {
    // plpgsql: nextval() is called once and the function's plan is cached per connection.
    await q.query(`
      CREATE FUNCTION plaza_next_report_ref() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        n text := nextval('report_ref_seq')::text;
      BEGIN
        RETURN to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(n, greatest(6, length(n)), '0');
      END
      $$`);
    await q.query(`ALTER TABLE reports ALTER COLUMN ref SET DEFAULT plaza_next_report_ref()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reports ALTER COLUMN ref
        SET DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('report_ref_seq')::text, 6, '0')`);
    await q.query(`DROP FUNCTION plaza_next_report_ref()`);
  }
}
