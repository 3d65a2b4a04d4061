import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-up answers alike for new and taken addresses (issue 12): the account is created by the
 * outbox worker and must prove its mailbox before a password opens it.
 *
 * - `users.email_verified_at`: when the account's owner first followed a mailed link. Existing
 *   accounts (created by administrators, or signed up before this) count as verified; an account
 *   created by sign-up starts without it, and password sign-in refuses it (the same 401) until
 *   the link mailed at sign-up is followed.
 * - `email_link_tokens.purpose` gains `signup`: the link that finishes a sign-up keeps the chosen
 *   password; any other link that verifies an address clears a password set before the mailbox
 *   was proven (someone else may have chosen it).
 */
export class SignupConfirmation1797662918437 implements MigrationInterface {
  name = 'SignupConfirmation1797662918437';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);
    await q.query(`ALTER TABLE users ALTER COLUMN email_verified_at SET DEFAULT now()`);
    await q.query(`ALTER TABLE email_link_tokens DROP CONSTRAINT email_link_tokens_purpose_check`);
    await q.query(`ALTER TABLE email_link_tokens ADD CONSTRAINT email_link_tokens_purpose_check CHECK (purpose IN ('signin', 'invite', 'signup'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM email_link_tokens WHERE purpose = 'signup'`);
    await q.query(`ALTER TABLE email_link_tokens DROP CONSTRAINT email_link_tokens_purpose_check`);
    await q.query(`ALTER TABLE email_link_tokens ADD CONSTRAINT email_link_tokens_purpose_check CHECK (purpose IN ('signin', 'invite'))`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
