import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AppConfig } from '@plaza/api/config';
import { runMigrations } from '@plaza/api/database';
import { seedDemoReports, seedReferenceData } from '@plaza/api/seed';
import { DataSource } from 'typeorm';

/** Migrations always; the demo city only when asked for (the embedded default asks). */
export async function prepareDatabase(
  app: INestApplication,
  config: AppConfig,
  embedded: boolean,
  logger: LoggerService,
): Promise<void> {
  const dataSource = app.get(DataSource);
  const applied = await runMigrations(dataSource, embedded);
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`, 'database');
  if (!config.demoData) return;
  await dataSource.transaction(async (manager) => {
    if (await seedReferenceData(manager)) logger.log('Seeded departments, categories and districts', 'seed');
    const reports = await seedDemoReports(manager);
    if (reports) logger.log(`Seeded ${reports} demo reports`, 'seed');
  });
}
