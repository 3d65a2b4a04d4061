import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report photos are processed off the request path (docs/decisions/0011-photo-processing-queue.md):
 * the upload stores the original and a row in state `pending`, and the row itself is the job a
 * worker leases (SKIP LOCKED + lease, as the outbox). Photos filed before this migration were
 * processed on the request path, so they are `ready`, which stays the default for rows written
 * by other means (seeders, imports): only the upload path enqueues, and says `pending` itself.
 * Width and height stay 0 until processed.
 */
export class PhotoProcessingQueue1797192040568 implements MigrationInterface {
  name = 'PhotoProcessingQueue1797192040568';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_photos
        ADD COLUMN state text NOT NULL DEFAULT 'ready' CHECK (state IN ('pending', 'ready', 'failed')),
        ADD COLUMN original_key text,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN lease_id uuid,
        ADD COLUMN failure_reason text,
        ADD COLUMN processed_at timestamptz`);
    // The worker's claim and the backlog gauge read only pending rows: a small partial index.
    await q.query(`CREATE INDEX report_photos_queue_idx ON report_photos (next_attempt_at, id) WHERE state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_photos_queue_idx`);
    await q.query(`
      ALTER TABLE report_photos
        DROP COLUMN processed_at, DROP COLUMN failure_reason, DROP COLUMN lease_id, DROP COLUMN locked_until,
        DROP COLUMN next_attempt_at, DROP COLUMN attempts, DROP COLUMN original_key, DROP COLUMN state`);
  }
}
