import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public map adds: anonymous supports ("me too") and an index for date filters.
 * Supports are counted on the report row so map reads never aggregate them; the per-browser
 * rows hold only a hash of a random token, so nothing in them identifies a person.
 */
export class PublicMap1795200000000 implements MigrationInterface {
  name = 'PublicMap1795200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN support_count integer NOT NULL DEFAULT 0 CHECK (support_count >= 0)`);
    await q.query(`
      CREATE TABLE report_supports (
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, token_hash)
      )`);
    await q.query(`CREATE INDEX reports_created_at_idx ON reports (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_created_at_idx`);
    await q.query(`DROP TABLE report_supports`);
    await q.query(`ALTER TABLE reports DROP COLUMN support_count`);
  }
}
