import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 GeoReport v2: the client applications allowed to file requests (by API key, stored only
 * as a SHA-256 hash) and what each submission brought besides the report itself — the client, the
 * token that resolves to the request, and the fields Plaza keeps for staff but never publishes.
 */
export class Open3111795300000000 implements MigrationInterface {
  name = 'Open3111795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        contact_email text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX api_clients_name_key ON api_clients (lower(name))`);
    await q.query(`
      CREATE TABLE open311_submissions (
        report_id bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES api_clients(id),
        token text NOT NULL UNIQUE,
        media_url text,
        device_id text,
        account_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX open311_submissions_client_idx ON open311_submissions (client_id)`);
    // servicerequestupdates reads public events by time (requests by date use reports_created_at_idx).
    await q.query(`CREATE INDEX report_events_at_idx ON report_events (at, id) WHERE is_public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_events_at_idx`);
    await q.query(`DROP TABLE open311_submissions`);
    await q.query(`DROP TABLE api_clients`);
  }
}
