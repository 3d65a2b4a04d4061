import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's live stream follows cases by a change number, not by the clock.
 *
 * Each time a report is filed, confirmed or changed, a row is appended to `report_changes` with the
 * next number. The stream reads the numbers after its cursor; a number it cannot see yet (a
 * transaction still running, or rolled back) holds the cursor for a short while so a late commit
 * is still read (libs/api/cases/src/case-change-cursor.ts). Numbers only grow, so a row stamped
 * with a wrong `updated_at` (clock skew between servers, a seed dated in the future) can no longer
 * make the stream skip every change until that time. An append-only log, rather than a number on
 * the report, so that a report changed twice leaves no hole that would look like a running
 * transaction. Rows older than a day are purged (the stream replays at most minutes).
 */
export class CaseChangeCursor1796323099638 implements MigrationInterface {
  name = 'CaseChangeCursor1796323099638';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_changes (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- No foreign key: a report deleted (an expired, unconfirmed one) leaves its numbers behind,
        -- which the stream must still see to know they are not a running transaction.
        report_id bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_changes_changed_at_idx ON report_changes (changed_at)`);
    // Logged when a case is filed, confirmed or changed (the moves touch updated_at); counters
    // such as supports change neither and stay out of the stream, as before.
    await q.query(`
      CREATE FUNCTION reports_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT'
           OR NEW.updated_at IS DISTINCT FROM OLD.updated_at
           OR NEW.confirmed_by_reporter_at IS DISTINCT FROM OLD.confirmed_by_reporter_at THEN
          INSERT INTO report_changes (report_id) VALUES (NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER reports_log_change AFTER INSERT OR UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION reports_log_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_log_change ON reports`);
    await q.query(`DROP FUNCTION reports_log_change()`);
    await q.query(`DROP TABLE report_changes`);
  }
}
