import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets a report be filed in one statement (docs/decisions/0015-write-path.md): the cap on
 * pending confirmation mails per address, counted under the address's lock.
 *
 * VOLATILE on purpose: a volatile plpgsql function takes a fresh snapshot for each query it runs,
 * so the count, made after the advisory lock is granted, sees every filing for the address that
 * committed while this one waited for the lock. Counted from inside the filing statement it keeps
 * the cap exact (never overshot under concurrent filings), as the separate lock-then-count
 * statements did before.
 */
export class ReportFilingStatement1797468213577 implements MigrationInterface {
  name = 'ReportFilingStatement1797468213577';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION plaza_confirmations_mailed(reporter text) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        mailed integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('plaza-confirmation-cap:' || reporter));
        SELECT count(*)::int INTO mailed FROM reports
         WHERE reporter_email = reporter AND confirmation_pending_since IS NOT NULL AND confirmation_mailed
           AND confirmation_expires_at > now();
        RETURN mailed;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION plaza_confirmations_mailed(text)`);
  }
}
