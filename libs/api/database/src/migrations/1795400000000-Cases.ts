import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STATUSES = ['unconfirmed', 'confirmed', 'investigating', 'action_scheduled', 'in_progress'];
const STATUSES = [
  ...OPEN_STATUSES,
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
 * The moderation console: priority, response-time clock, referrals, merges, internal notes,
 * departments' draft replies, the holiday calendar and the departments trusted to
 * publish on their own.
 *
 * `due_at` is computed in the database (plaza_business_due) so that every way a report arrives
 * (map, Open311, staff, seed) gets its clock, and the overdue queue is a plain indexed filter.
 * Business days are Monday–Friday in Europe/Madrid minus the holidays table.
 * Followers of a report live in `follows` (target_type 'report'), created with the proposals.
 */
export class Cases1795400000000 implements MigrationInterface {
  name = 'Cases1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        scope text NOT NULL CHECK (scope IN ('national', 'regional', 'local')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (date, scope)
      )`);
    await q.query(`CREATE INDEX holidays_date_idx ON holidays (date)`);
    // End of the `days`-th business day after the (Madrid) day `start` falls on.
    await q.query(`
      CREATE FUNCTION plaza_business_due(start timestamptz, days integer) RETURNS timestamptz
      LANGUAGE sql STABLE AS $$
        SELECT ((d.day + 1)::timestamp AT TIME ZONE 'Europe/Madrid') - interval '1 millisecond'
          FROM (SELECT g::date AS day
                  FROM generate_series((start AT TIME ZONE 'Europe/Madrid')::date + 1,
                                       (start AT TIME ZONE 'Europe/Madrid')::date + greatest(days, 1) * 2 + 40,
                                       interval '1 day') g
                 WHERE extract(isodow FROM g) < 6
                   AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g::date)
                 ORDER BY g
                OFFSET greatest(days, 1) - 1 LIMIT 1) d
      $$`);

    await q.query(`ALTER TABLE departments ADD COLUMN trusted_to_publish boolean NOT NULL DEFAULT false`);

    await q.query(`
      ALTER TABLE reports
        ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        ADD COLUMN due_at timestamptz,
        ADD COLUMN duplicate_of_id bigint REFERENCES reports(id) ON DELETE SET NULL,
        ADD COLUMN channel_details text,
        ADD COLUMN filed_by uuid REFERENCES users(id),
        ADD COLUMN referred_at timestamptz,
        ADD COLUMN referral_reason text,
        ADD COLUMN referred_by uuid REFERENCES users(id),
        ADD COLUMN referred_department_id uuid REFERENCES departments(id),
        ADD COLUMN scheduled_for date`);
    await q.query(`
      CREATE FUNCTION reports_set_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.due_at := plaza_business_due(NEW.created_at,
          (SELECT target_days FROM categories WHERE id = NEW.category_id));
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER reports_due_at BEFORE INSERT OR UPDATE OF category_id ON reports
        FOR EACH ROW EXECUTE FUNCTION reports_set_due_at()`);
    // An administrator changing a category's target moves the due dates of its open cases.
    await q.query(`
      CREATE FUNCTION categories_retarget_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE reports SET due_at = plaza_business_due(created_at, NEW.target_days)
         WHERE category_id = NEW.id AND status IN (${list(OPEN_STATUSES)});
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER categories_due_at AFTER UPDATE OF target_days ON categories
        FOR EACH ROW WHEN (OLD.target_days IS DISTINCT FROM NEW.target_days)
        EXECUTE FUNCTION categories_retarget_due_at()`);
    await q.query(`UPDATE reports r SET due_at = plaza_business_due(r.created_at, c.target_days)
                     FROM categories c WHERE c.id = r.category_id`);
    await q.query(`CREATE INDEX reports_open_due_idx ON reports (due_at) WHERE status IN (${list(OPEN_STATUSES)})`);
    await q.query(`CREATE INDEX reports_referred_idx ON reports (referred_at) WHERE referred_at IS NOT NULL`);
    await q.query(`CREATE INDEX reports_updated_at_idx ON reports (updated_at)`);
    await q.query(`CREATE INDEX reports_duplicate_of_idx ON reports (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX reports_search_idx ON reports USING gin (
        to_tsvector('spanish', title || ' ' || description || ' ' || coalesce(address, '')))`);

    // Who wrote a public message (actor_id), who approved it, and for which department.
    await q.query(`
      ALTER TABLE report_events
        ADD COLUMN approved_by uuid REFERENCES users(id),
        ADD COLUMN department_id uuid REFERENCES departments(id)`);

    await q.query(`
      CREATE TABLE internal_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        visibility text NOT NULL CHECK (visibility IN ('community_managers', 'departments')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX internal_notes_report_idx ON internal_notes (report_id, created_at)`);

    await q.query(`
      CREATE TABLE reply_drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        department_id uuid REFERENCES departments(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        proposed_status text CHECK (proposed_status IN (${list(STATUSES)})),
        template_id uuid REFERENCES response_templates(id) ON DELETE SET NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        rejection_reason text,
        published_event_id bigint REFERENCES report_events(id)
      )`);
    await q.query(`CREATE INDEX reply_drafts_report_idx ON reply_drafts (report_id, created_at)`);
    await q.query(`CREATE INDEX reply_drafts_pending_idx ON reply_drafts (report_id) WHERE state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reply_drafts`);
    await q.query(`DROP TABLE internal_notes`);
    await q.query(`ALTER TABLE report_events DROP COLUMN approved_by, DROP COLUMN department_id`);
    await q.query(`DROP TRIGGER categories_due_at ON categories`);
    await q.query(`DROP FUNCTION categories_retarget_due_at()`);
    await q.query(`DROP TRIGGER reports_due_at ON reports`);
    await q.query(`DROP FUNCTION reports_set_due_at()`);
    await q.query(`DROP INDEX reports_search_idx`);
    await q.query(`DROP INDEX reports_updated_at_idx`);
    await q.query(`
      ALTER TABLE reports
        DROP COLUMN priority, DROP COLUMN due_at, DROP COLUMN duplicate_of_id, DROP COLUMN channel_details,
        DROP COLUMN filed_by, DROP COLUMN referred_at, DROP COLUMN referral_reason, DROP COLUMN referred_by,
        DROP COLUMN referred_department_id, DROP COLUMN scheduled_for`);
    await q.query(`ALTER TABLE departments DROP COLUMN trusted_to_publish`);
    await q.query(`DROP FUNCTION plaza_business_due(timestamptz, integer)`);
    await q.query(`DROP TABLE holidays`);
  }
}
