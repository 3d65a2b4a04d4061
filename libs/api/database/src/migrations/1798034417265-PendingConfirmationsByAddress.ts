import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counting an address's pending confirmation mails (`plaza_confirmations_mailed()`, run by every
 * anonymous filing) must cost that address's rows, not the city's.
 *
 * The count's two conditions — the address, and a link still alive (`confirmation_expires_at >
 * now()`) — each match a partial index over pending reports, and both look equally selective to
 * the planner, which took the expiry index: every pending report of the city was read to find one
 * address's, plus the dead entries a busy hour leaves behind. On the million-report database the
 * count grew to 10–27 ms a filing within a ten-second load run (every filing adds a pending
 * report), the largest single cost of filing (docs/performance.md). The fence (`OFFSET 0`) keeps
 * the expiry test out of the scan, so only the address's index can serve it.
 */
export class PendingConfirmationsByAddress1798034417265 implements MigrationInterface {
  name = 'PendingConfirmationsByAddress1798034417265';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_confirmations_mailed(reporter text) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        mailed integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('plaza-confirmation-cap:' || reporter));
        SELECT count(*)::int INTO mailed
          FROM (SELECT confirmation_expires_at FROM reports
                 WHERE reporter_email = reporter AND confirmation_pending_since IS NOT NULL AND confirmation_mailed
                OFFSET 0) mine
         WHERE confirmation_expires_at > now();
        RETURN mailed;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION plaza_confirmations_mailed(reporter text) RETURNS integer
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
}
