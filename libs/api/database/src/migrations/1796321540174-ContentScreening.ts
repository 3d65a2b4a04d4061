import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why the server held a report or a comment for moderation: the kinds of personal data it found
 * and in which public fields (`{"kinds":["dni"],"fields":["description"],"heldAt":"…"}`), never the
 * matched text. Null for content that was not held. See docs/moderation.md#screening.
 */
export class ContentScreening1796321540174 implements MigrationInterface {
  name = 'ContentScreening1796321540174';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN screening_hold jsonb`);
    await q.query(`ALTER TABLE comments ADD COLUMN screening_hold jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP COLUMN screening_hold`);
    await q.query(`ALTER TABLE reports DROP COLUMN screening_hold`);
  }
}
