import type { MigrationInterface, QueryRunner } from 'typeorm';

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

/**
 * Departments, categories, areas, routing rules and reports.
 * Geometry columns are `geometry(…, 4326)` with GiST indexes; distances use a `geography`
 * expression index. docs/decisions/0001-geometry-types.md says why.
 */
export class Foundation1795000000000 implements MigrationInterface {
  name = 'Foundation1795000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
        name jsonb NOT NULL,
        contact_email text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
        name jsonb NOT NULL,
        description jsonb NOT NULL,
        group_name jsonb,
        icon text NOT NULL,
        default_department_id uuid NOT NULL REFERENCES departments(id),
        requires_moderation boolean NOT NULL DEFAULT false,
        target_days integer NOT NULL DEFAULT 10 CHECK (target_days > 0),
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL DEFAULT 'district',
        geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX areas_geom_gist ON areas USING gist (geom)`);
    await q.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_id uuid NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments(id),
        UNIQUE (area_id, category_id)
      )`);
    await q.query(`CREATE SEQUENCE report_ref_seq`);
    await q.query(`
      CREATE TABLE reports (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ref text NOT NULL UNIQUE
          DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('report_ref_seq')::text, 6, '0'),
        title text NOT NULL,
        description text NOT NULL,
        category_id uuid NOT NULL REFERENCES categories(id),
        location geometry(Point, 4326) NOT NULL,
        address text,
        area_id uuid REFERENCES areas(id) ON DELETE SET NULL,
        department_id uuid REFERENCES departments(id),
        status text NOT NULL CHECK (status IN (${STATUSES.map((s) => `'${s}'`).join(', ')})),
        reporter_name text NOT NULL,
        reporter_email text NOT NULL,
        reporter_phone text,
        reporter_show_name boolean NOT NULL DEFAULT false,
        consent_at timestamptz NOT NULL,
        source text NOT NULL DEFAULT 'web',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reports_location_gist ON reports USING gist (location)`);
    await q.query(`CREATE INDEX reports_location_geog_gist ON reports USING gist ((location::geography))`);
    await q.query(`CREATE INDEX reports_status_idx ON reports (status)`);
    await q.query(`CREATE INDEX reports_category_idx ON reports (category_id)`);
    await q.query(`CREATE INDEX reports_department_idx ON reports (department_id)`);
    await q.query(`
      CREATE TABLE report_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position integer NOT NULL,
        storage_key text NOT NULL,
        thumbnail_key text NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        bytes integer NOT NULL,
        hidden boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, position)
      )`);
    await q.query(`
      CREATE TABLE report_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
        actor_id uuid,
        from_status text,
        to_status text NOT NULL,
        message text,
        is_public boolean NOT NULL DEFAULT true
      )`);
    await q.query(`CREATE INDEX report_events_report_idx ON report_events (report_id, at)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        resource_id bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE report_events`);
    await q.query(`DROP TABLE report_photos`);
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP SEQUENCE report_ref_seq`);
    await q.query(`DROP TABLE routing_rules`);
    await q.query(`DROP TABLE areas`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE departments`);
  }
}
