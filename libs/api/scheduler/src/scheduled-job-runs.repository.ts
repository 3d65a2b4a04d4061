import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface ClaimedRow {
  job: string;
}

/** Runs of scheduled jobs (`scheduled_job_runs`): one row per job and slot, claimed by one replica. */
@Injectable()
export class ScheduledJobRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * True when this replica now owns the slot: nobody claimed it, or the replica that did went
   * silent past the lease without finishing. One statement, no lock held afterwards (the embedded
   * database is a single session).
   */
  async claim(job: string, slot: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
    const rows = await this.db.query<ClaimedRow[]>(
      `INSERT INTO scheduled_job_runs (job, slot, claimed_by, claimed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job, slot) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
         WHERE scheduled_job_runs.finished_at IS NULL AND scheduled_job_runs.claimed_at < $5
       RETURNING job`,
      [job, slot, owner, now, new Date(now.getTime() - leaseMs)],
    );
    return rows.length > 0;
  }

  /** Keeps a running claim alive (fenced by the owner), so a long run is not taken over while it works. */
  async renew(job: string, slot: string, owner: string, now: Date): Promise<void> {
    await this.db.query<unknown>(
      `UPDATE scheduled_job_runs SET claimed_at = $4
        WHERE job = $1 AND slot = $2 AND claimed_by = $3 AND finished_at IS NULL`,
      [job, slot, owner, now],
    );
  }

  /** Marks the slot done (fenced by the owner: a replica whose lease was taken over records nothing). */
  async finish(job: string, slot: string, owner: string, now: Date): Promise<void> {
    await this.db.query<unknown>(
      `UPDATE scheduled_job_runs SET finished_at = $4 WHERE job = $1 AND slot = $2 AND claimed_by = $3`,
      [job, slot, owner, now],
    );
  }

  /**
   * Hands back a claim this process holds on an unfinished run it stopped (shutdown), so the next
   * replica to check claims the slot at once instead of after the lease.
   */
  async release(job: string, slot: string, owner: string): Promise<void> {
    await this.db.query<unknown>(
      `DELETE FROM scheduled_job_runs WHERE job = $1 AND slot = $2 AND claimed_by = $3 AND finished_at IS NULL`,
      [job, slot, owner],
    );
  }

  /** Forgets runs older than `before`: the table keeps a week of history, not every minute forever. */
  async prune(job: string, before: Date): Promise<void> {
    await this.db.query<unknown>(`DELETE FROM scheduled_job_runs WHERE job = $1 AND claimed_at < $2`, [job, before]);
  }
}
