import type { QueryRunner } from 'typeorm';

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 7_341_029;

/** Waits for the session-level advisory lock that queues replicas running migrations at boot. */
export async function acquireMigrationLock(runner: QueryRunner): Promise<void> {
  await runner.manager.query<unknown[]>('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}

export async function releaseMigrationLock(runner: QueryRunner): Promise<void> {
  await runner.manager.query<unknown[]>('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}
