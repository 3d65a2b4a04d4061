import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of the scheduler's periodic jobs (libs/api/scheduler): one row per job and slot (a period's
 * start or a local date), inserted by the replica that claims the run. A week of history is kept.
 */
export class ScheduledJobs1796190000000 implements MigrationInterface {
  name = 'ScheduledJobs1796190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_job_runs (
        job text NOT NULL,
        slot text NOT NULL,
        claimed_by uuid NOT NULL,
        claimed_at timestamptz NOT NULL,
        finished_at timestamptz,
        PRIMARY KEY (job, slot)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_job_runs`);
  }
}
