import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why the server held a proposal for moderation (personal data in its title, summary or
 * description): the kinds and fields only, like `reports.screening_hold` and
 * `comments.screening_hold`, never the matched text. Null for proposals that were not held.
 * See docs/moderation.md#screening.
 */
export class ProposalScreening1797418356021 implements MigrationInterface {
  name = 'ProposalScreening1797418356021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals ADD COLUMN screening_hold jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals DROP COLUMN screening_hold`);
  }
}
