import type { DataSource } from 'typeorm';
import { acquireMigrationLock, releaseMigrationLock } from './migration-lock.repository';

/**
 * Runs pending migrations. On a real server several replicas may boot together, so they queue
 * on an advisory lock; the embedded database has a single process and a pool of one, where
 * holding a second connection for the lock would deadlock.
 */
export async function runMigrations(dataSource: DataSource, embedded: boolean): Promise<string[]> {
  if (embedded) {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await acquireMigrationLock(lock);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await releaseMigrationLock(lock).catch(() => undefined);
    await lock.release();
  }
}
