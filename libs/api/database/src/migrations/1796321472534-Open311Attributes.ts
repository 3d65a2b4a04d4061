import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 clients (FixMyStreet among them) send a service's extra questions as
 * `attribute[code]=value`. They used to be dropped; they are now kept with the submission so
 * staff see them with the case (issue 16 item 12). An object of code → value (a string, or a
 * list of strings for a multivaluelist attribute).
 */
export class Open311Attributes1796321472534 implements MigrationInterface {
  name = 'Open311Attributes1796321472534';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE open311_submissions ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb
                     CHECK (jsonb_typeof(attributes) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE open311_submissions DROP COLUMN attributes`);
  }
}
