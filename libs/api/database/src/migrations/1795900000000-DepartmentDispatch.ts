import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each department receives the cases routed to it (docs/dispatch.md): by email to its contact
 * address (the default), through its own external Open311 GeoReport v2 endpoint, or not at all
 * (it works only in the console). One `report_dispatches` row per case and department records
 * that the case was sent — so a case is never sent twice to the same department — and, for
 * Open311, the external request it became and the last state pulled back from it.
 */
export class DepartmentDispatch1795900000000 implements MigrationInterface {
  name = 'DepartmentDispatch1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE departments
        ADD COLUMN send_method text NOT NULL DEFAULT 'email' CHECK (send_method IN ('email', 'open311', 'none')),
        ADD COLUMN open311_endpoint text CHECK (open311_endpoint ~ '^https?://'),
        -- Sent to the external endpoint, so kept as given; no API ever returns it.
        ADD COLUMN open311_api_key text CHECK (length(open311_api_key) BETWEEN 1 AND 500),
        ADD COLUMN open311_jurisdiction_id text CHECK (length(open311_jurisdiction_id) BETWEEN 1 AND 200),
        -- Plaza category code → the external service_code; a category missing here is sent under its own code.
        ADD COLUMN open311_service_codes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(open311_service_codes) = 'object'),
        ADD COLUMN open311_send_reporter boolean NOT NULL DEFAULT true,
        ADD CONSTRAINT departments_open311_configured
          CHECK (send_method <> 'open311' OR (open311_endpoint IS NOT NULL AND open311_api_key IS NOT NULL))`);
    await q.query(`
      CREATE TABLE report_dispatches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments(id),
        -- 'none': routed while the department took no sends, or before Plaza sent cases at all.
        method text NOT NULL CHECK (method IN ('email', 'open311', 'none')),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Open311 only: the endpoint the request went to, and what it answered.
        external_system text,
        external_token text,
        external_id text,
        sent_at timestamptz,
        external_status text CHECK (external_status IN ('open', 'closed')),
        external_status_notes text,
        external_updated_at text,
        external_changed_at timestamptz,
        last_pulled_at timestamptz,
        UNIQUE (report_id, department_id)
      )`);
    // Cases routed before this migration are already their departments' work: recorded as such, so
    // their next move does not send them as if they were new.
    await q.query(`
      INSERT INTO report_dispatches (report_id, department_id, method, created_at)
      SELECT id, department_id, 'none', created_at FROM reports WHERE department_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX report_dispatches_pull_idx ON report_dispatches (department_id, last_pulled_at NULLS FIRST)
        WHERE method = 'open311'`);
    await q.query(`
      CREATE UNIQUE INDEX report_dispatches_external_key ON report_dispatches (external_system, external_id)
        WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_dispatches`);
    await q.query(`
      ALTER TABLE departments
        DROP CONSTRAINT departments_open311_configured,
        DROP COLUMN open311_send_reporter,
        DROP COLUMN open311_service_codes,
        DROP COLUMN open311_jurisdiction_id,
        DROP COLUMN open311_api_key,
        DROP COLUMN open311_endpoint,
        DROP COLUMN send_method`);
  }
}
