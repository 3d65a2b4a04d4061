import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confirmation of anonymous reports (as FixMyStreet does): a report filed without a session stays
 * invisible to everyone until its reporter follows the link mailed to them, and is deleted when
 * the link expires unused. A report is awaiting its reporter while `confirmation_pending_since`
 * is set; the token is kept only as a SHA-256 hash, and kept after confirmation so that a second
 * click on the same link is recognised instead of looking unknown. Signed-in reporters are linked
 * to their account and never wait. Open311 clients that verify their own users skip the mail.
 */
export class ReportConfirmation1795700000000 implements MigrationInterface {
  name = 'ReportConfirmation1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reports
        ADD COLUMN reporter_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN reporter_locale text NOT NULL DEFAULT 'es' CHECK (reporter_locale IN ('es', 'en')),
        ADD COLUMN confirmation_pending_since timestamptz,
        ADD COLUMN confirmation_token_hash text UNIQUE CHECK (confirmation_token_hash ~ '^[0-9a-f]{64}$'),
        ADD COLUMN confirmation_expires_at timestamptz,
        ADD COLUMN confirmed_by_reporter_at timestamptz,
        ADD CONSTRAINT reports_confirmation_token_check
          CHECK (confirmation_pending_since IS NULL OR (confirmation_token_hash IS NOT NULL AND confirmation_expires_at IS NOT NULL))`);
    await q.query(`CREATE INDEX reports_reporter_user_idx ON reports (reporter_user_id) WHERE reporter_user_id IS NOT NULL`);
    // The expiry job's scan, and the only rows it can touch.
    await q.query(
      `CREATE INDEX reports_confirmation_pending_idx ON reports (confirmation_expires_at) WHERE confirmation_pending_since IS NOT NULL`,
    );
    await q.query(`ALTER TABLE api_clients ADD COLUMN verifies_reporters boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_clients DROP COLUMN verifies_reporters`);
    await q.query(`DROP INDEX reports_confirmation_pending_idx`);
    await q.query(`DROP INDEX reports_reporter_user_idx`);
    await q.query(`
      ALTER TABLE reports
        DROP CONSTRAINT reports_confirmation_token_check,
        DROP COLUMN confirmed_by_reporter_at,
        DROP COLUMN confirmation_expires_at,
        DROP COLUMN confirmation_token_hash,
        DROP COLUMN confirmation_pending_since,
        DROP COLUMN reporter_locale,
        DROP COLUMN reporter_user_id`);
  }
}
