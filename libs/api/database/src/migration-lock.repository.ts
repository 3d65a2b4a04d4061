import type { EntityManager, QueryRunner } from 'typeorm';

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 7_341_029;

/** Waits for the session-level advisory lock that queues replicas running migrations at boot. */
export async function acquireMigrationLock(runner: QueryRunner): Promise<void> {
  await runner.manager.query<unknown[]>('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}

export async function releaseMigrationLock(runner: QueryRunner): Promise<void> {
  await runner.manager.query<unknown[]>('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}

// Another constant: a replica seeding waits for the others' seeding, not for their migrations.
const BOOT_STEP_LOCK_KEY = 7_341_030;

/**
 * Queues the calling transaction behind any other replica's boot step (the city's time zone, the
 * demo city's seed) until it commits, so replicas booting together do not both find the demo city
 * missing and both insert it. Released by the transaction's end; harmless on the embedded database.
 */
export async function serializeBootStep(manager: EntityManager): Promise<void> {
  await manager.query<unknown[]>('SELECT pg_advisory_xact_lock($1)', [BOOT_STEP_LOCK_KEY]);
}
