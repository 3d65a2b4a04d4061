import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact retention sweep (PersonalDataRepository.eraseClosedCaseContacts) takes closed
 * reports whose contact is not erased yet in id order, 200 per transaction, continuing after the
 * last id it erased. Without an index for exactly those rows every batch read every report of the
 * closed statuses again (a correlated max(report_events.at) for each not yet erased): about a second
 * a batch on a million reports, for hours on a first run. The partial index holds only the
 * candidates — closed, contact kept — so a batch starts where the last one ended and stops after
 * 200. It stays small: a report leaves it once its contact is erased. The statuses are embedded,
 * not imported: this migration must keep meaning what it meant when it ran.
 */
export class ContactRetentionIndex1798160000000 implements MigrationInterface {
  name = 'ContactRetentionIndex1798160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX reports_contact_retention_idx ON reports (id)
        WHERE status IN ('fixed', 'closed', 'duplicate', 'not_responsible', 'unable_to_fix') AND contact_erased_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_contact_retention_idx`);
  }
}
