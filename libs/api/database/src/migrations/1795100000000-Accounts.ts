import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = ['citizen', 'community_manager', 'department_staff', 'admin'];
const LOCALES = ['es', 'en', 'ca', 'eu', 'gl'];
const STATUSES = [
  'unconfirmed',
  'confirmed',
  'investigating',
  'action_scheduled',
  'in_progress',
  'fixed',
  'closed',
  'duplicate',
  'not_responsible',
  'unable_to_fix',
  'internal_referral',
  'hidden',
];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Accounts, sessions, one-time sign-in links, kept mail, response templates and the audit log.
 * Secrets are never stored: sessions and links keep a SHA-256 of their token, passwords a scrypt
 * hash. The audit log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained; docs/security.md explains both.
 */
export class Accounts1795100000000 implements MigrationInterface {
  name = 'Accounts1795100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        password_hash text,
        locale text NOT NULL DEFAULT 'es' CHECK (locale IN (${list(LOCALES)})),
        active boolean NOT NULL DEFAULT true,
        -- When a citizen accepted the data-protection notice at sign-up; null for accounts an admin created.
        consent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    // Case-insensitive uniqueness, whatever a future code path forgets to lower-case.
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`
      CREATE TABLE user_roles (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN (${list(ROLES)})),
        PRIMARY KEY (user_id, role)
      )`);
    await q.query(`
      CREATE TABLE user_departments (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments(id),
        PRIMARY KEY (user_id, department_id)
      )`);
    await q.query(`CREATE INDEX user_departments_department_idx ON user_departments (department_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        method text NOT NULL CHECK (method IN ('password', 'email_link', 'signup')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_user_live_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE email_link_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('signin', 'invite')),
        next_path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX email_link_tokens_user_idx ON email_link_tokens (user_id)`);
    await q.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        locale text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mail_messages_created_idx ON mail_messages (created_at DESC, id)`);
    await q.query(`
      CREATE TABLE response_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        locale text NOT NULL CHECK (locale IN (${list(LOCALES)})),
        category_id uuid REFERENCES categories(id) ON DELETE CASCADE,
        status text CHECK (status IN (${list(STATUSES)})),
        body text NOT NULL,
        style_notes text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
    // Append-only for everyone, the application included. Only a superuser or the table owner who
    // deliberately disables the trigger can rewrite history, and the hash chain then shows it.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP TABLE response_templates`);
    await q.query(`DROP TABLE mail_messages`);
    await q.query(`DROP TABLE email_link_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE user_departments`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`DROP TABLE users`);
  }
}
