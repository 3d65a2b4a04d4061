import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Abuse limits (docs/decisions/0006-rate-limits-and-bot-defence.md):
 *
 * - `outbox_messages.priority`: the worker takes higher priorities first, so a sign-in link or a
 *   staff mail is never queued behind thousands of report confirmations (0 bulk, 5 normal, 10 urgent).
 * - `reports.confirmation_mailed`: false for an anonymous report accepted past the cap on pending
 *   confirmation mails of its address; it is mailed in the digest sent when the reporter confirms
 *   another report. The index counts an address's pending confirmations.
 * - `idempotency_keys.created_at` index: the hourly purge of keys past their TTL.
 */
export class AbuseLimits1796321561156 implements MigrationInterface {
  name = 'AbuseLimits1796321561156';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN priority smallint NOT NULL DEFAULT 5`);
    await q.query(`DROP INDEX outbox_messages_due_idx`);
    await q.query(
      `CREATE INDEX outbox_messages_due_idx ON outbox_messages (priority DESC, next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`ALTER TABLE reports ADD COLUMN confirmation_mailed boolean NOT NULL DEFAULT true`);
    await q.query(
      `CREATE INDEX reports_pending_reporter_idx ON reports (reporter_email) WHERE confirmation_pending_since IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_created_idx`);
    await q.query(`DROP INDEX reports_pending_reporter_idx`);
    await q.query(`ALTER TABLE reports DROP COLUMN confirmation_mailed`);
    await q.query(`DROP INDEX outbox_messages_due_idx`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN priority`);
    await q.query(`CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'pending'`);
  }
}
