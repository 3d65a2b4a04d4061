import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reliable delivery: the transactional outbox every notification goes through, and the secret
 * that signs unsubscribe links when no APP_SECRET is configured.
 */
export class Outbox1795600000000 implements MigrationInterface {
  name = 'Outbox1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        -- One event, one message: writers name the event, a second enqueue of it is a no-op.
        dedupe_key text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dismissed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- A worker's lease on the message while it delivers; another replica waits it out.
        locked_until timestamptz,
        -- Names the lease: an outcome is recorded only by the worker that still holds it.
        lease_id uuid,
        last_error text,
        last_attempt_at timestamptz,
        -- What the channel kept about a delivery (an external id, a Message-ID).
        result text,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A manual retry from the console starts a new retry window.
        retried_at timestamptz,
        sent_at timestamptz,
        failed_at timestamptz,
        dismissed_at timestamptz
      )`);
    // The worker's query: pending messages that are due, oldest first.
    await q.query(
      `CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX outbox_messages_status_idx ON outbox_messages (status, created_at DESC)`);
    await q.query(`
      CREATE TABLE app_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_secrets`);
    await q.query(`DROP TABLE outbox_messages`);
  }
}
