import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection by design (docs/privacy.md, docs/decisions/0007-audit-log-and-erasure.md):
 * - consent_records: what each person was shown and accepted, by which form and channel, with the
 *   version (a hash) of the notice text in the language shown. Rows lose their link to a person
 *   when the person is erased, and keep the proof that the notice was given.
 * - audit_subject_keys: one AES key per person whose data an audit entry holds, kept outside the
 *   hash chain. The chain stores only ciphertext; deleting a key erases that person's data from
 *   every entry (crypto-shredding) while the chain still verifies.
 * - users.erased_at / inactivity_warned_at and reports.contact_erased_at: erasure and retention
 *   leave a trace of when, never of what.
 */
export class DataProtection1796321391405 implements MigrationInterface {
  name = 'DataProtection1796321391405';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        form text NOT NULL CHECK (form IN ('report', 'signup', 'alert', 'proposal', 'comment')),
        channel text NOT NULL CHECK (channel IN ('web', 'on_behalf', 'open311')),
        notice_locale text NOT NULL,
        notice_version text NOT NULL CHECK (notice_version ~ '^[0-9a-f]{16}$'),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        report_id bigint REFERENCES reports(id) ON DELETE SET NULL,
        alert_id uuid REFERENCES alert_subscriptions(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX consent_records_user_idx ON consent_records (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX consent_records_report_idx ON consent_records (report_id) WHERE report_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE audit_subject_keys (
        subject text PRIMARY KEY CHECK (subject ~ '^(user|report):[0-9A-Za-z-]+$'),
        key bytea NOT NULL CHECK (length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE users ADD COLUMN erased_at timestamptz, ADD COLUMN inactivity_warned_at timestamptz`);
    await q.query(`ALTER TABLE reports ADD COLUMN contact_erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports DROP COLUMN contact_erased_at`);
    await q.query(`ALTER TABLE users DROP COLUMN inactivity_warned_at, DROP COLUMN erased_at`);
    await q.query(`DROP TABLE audit_subject_keys`);
    await q.query(`DROP TABLE consent_records`);
  }
}
