import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report records the language it was filed in (`reporter_locale`), and its reporter's mails
 * (confirmation, updates) are written in it. Mails now exist in all five languages, so the column
 * accepts them all instead of Spanish and English only. Going back folds the three others into
 * Spanish, the language their mails used to fall back to.
 */
export class ReporterLocales1797461830527 implements MigrationInterface {
  name = 'ReporterLocales1797461830527';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reports
        DROP CONSTRAINT reports_reporter_locale_check,
        ADD CONSTRAINT reports_reporter_locale_check CHECK (reporter_locale IN ('es', 'en', 'ca', 'eu', 'gl'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE reports SET reporter_locale = 'es' WHERE reporter_locale NOT IN ('es', 'en')`);
    await q.query(`
      ALTER TABLE reports
        DROP CONSTRAINT reports_reporter_locale_check,
        ADD CONSTRAINT reports_reporter_locale_check CHECK (reporter_locale IN ('es', 'en'))`);
  }
}
