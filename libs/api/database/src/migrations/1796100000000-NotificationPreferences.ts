import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who does not want update mails (docs/notifications.md, "Notifications to reporters and followers"):
 * an account-wide switch for signed-in people, and per-item switches for the two people who get
 * updates without having followed anything — a report's reporter (who may have no account) and a
 * proposal's author. Followers stop by unfollowing, so they need no column.
 */
export class NotificationPreferences1796100000000 implements MigrationInterface {
  name = 'NotificationPreferences1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_notifications boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE reports ADD COLUMN reporter_updates_opt_out boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE proposals ADD COLUMN author_updates_opt_out boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals DROP COLUMN author_updates_opt_out`);
    await q.query(`ALTER TABLE reports DROP COLUMN reporter_updates_opt_out`);
    await q.query(`ALTER TABLE users DROP COLUMN email_notifications`);
  }
}
