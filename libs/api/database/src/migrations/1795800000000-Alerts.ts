import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local alerts (docs/alerts.md): email subscriptions to new public reports in an area, around a
 * point or in a category, without an account.
 *
 * The email is personal data: it is read only to send the confirmation and the alerts, never
 * served by any public route, erased (set to NULL) the moment the subscriber unsubscribes, and
 * findable by `lower(email)` so a data-protection erasure request deletes every row in one query.
 * Only a SHA-256 of the confirmation token is kept: a database dump cannot confirm anyone.
 */
export class Alerts1795800000000 implements MigrationInterface {
  name = 'Alerts1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text CHECK (email IS NULL OR (length(email) <= 254 AND email = lower(email))),
        locale text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('area', 'radius', 'category')),
        area_id uuid REFERENCES areas(id) ON DELETE CASCADE,
        point geography(Point, 4326),
        radius_m integer CHECK (radius_m BETWEEN 100 AND 5000),
        category_id uuid REFERENCES categories(id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('instant', 'daily')),
        confirmation_token_hash text UNIQUE,
        confirmation_sent_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        unsubscribed_at timestamptz,
        CHECK (
          (scope = 'area' AND area_id IS NOT NULL AND point IS NULL AND radius_m IS NULL AND category_id IS NULL) OR
          (scope = 'radius' AND point IS NOT NULL AND radius_m IS NOT NULL AND area_id IS NULL AND category_id IS NULL) OR
          (scope = 'category' AND category_id IS NOT NULL AND area_id IS NULL AND point IS NULL AND radius_m IS NULL)
        ),
        -- An unsubscribed row keeps no address; a live one always has one.
        CHECK ((unsubscribed_at IS NULL) = (email IS NOT NULL))
      )`);
    // One live subscription per address and scope: subscribing twice finds the first one.
    await q.query(`
      CREATE UNIQUE INDEX alert_subscriptions_scope_uniq ON alert_subscriptions
        (email, scope, frequency, coalesce(area_id::text, category_id::text,
          ST_AsText(point::geometry) || '/' || radius_m::text))
        WHERE unsubscribed_at IS NULL`);
    // The instant matcher's three lookups, each over live confirmed subscriptions only.
    await q.query(`
      CREATE INDEX alert_subscriptions_area_idx ON alert_subscriptions (area_id)
        WHERE scope = 'area' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`);
    await q.query(`
      CREATE INDEX alert_subscriptions_category_idx ON alert_subscriptions (category_id)
        WHERE scope = 'category' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`);
    await q.query(`
      CREATE INDEX alert_subscriptions_point_gist ON alert_subscriptions USING gist (point)
        WHERE scope = 'radius' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`);
    await q.query(`CREATE INDEX alert_subscriptions_daily_idx ON alert_subscriptions (id)
        WHERE frequency = 'daily' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`);
    // Unconfirmed subscriptions are purged after a week; this finds them.
    await q.query(`CREATE INDEX alert_subscriptions_pending_idx ON alert_subscriptions (created_at)
        WHERE confirmed_at IS NULL`);

    // When each report first became public: the daily digest reads "made public yesterday" here,
    // since a report's own timestamps say when it was filed, not when moderation let it out.
    await q.query(`
      CREATE TABLE alert_published_reports (
        report_id bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX alert_published_reports_at_idx ON alert_published_reports (published_at)`);

    // Days the digest has been sent for: one row per (local) day, claimed by one replica.
    await q.query(`
      CREATE TABLE alert_digest_runs (
        day date PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        emails integer NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_digest_runs`);
    await q.query(`DROP TABLE alert_published_reports`);
    await q.query(`DROP TABLE alert_subscriptions`);
  }
}
