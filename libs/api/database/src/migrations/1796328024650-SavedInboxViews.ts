import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's saved inbox views (name + the inbox's query string), kept on the server so they
 * follow the person to any computer. One row per person: the console reads and replaces the list.
 */
export class SavedInboxViews1796328024650 implements MigrationInterface {
  name = 'SavedInboxViews1796328024650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_saved_views (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        views jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(views) = 'array'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_saved_views`);
  }
}
