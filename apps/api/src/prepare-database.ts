import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AppConfig } from '@plaza/api/config';
import { runMigrations, serializeBootStep, syncCityTimeZone } from '@plaza/api/database';
import {
  seedDemoAccounts,
  seedDemoCases,
  seedDemoHolidays,
  seedDemoOpen311Client,
  seedDemoProposals,
  seedDemoReports,
  seedDemoTemplates,
  seedReferenceData,
} from '@plaza/api/seed';
import { DataSource } from 'typeorm';

/**
 * Migrations and the city's time zone always; the demo city only when asked for (the embedded
 * default asks). Replicas booting together on one database take these steps one at a time: the
 * migrations under a session lock, the time zone and the seed each under a transaction lock, so
 * the second replica finds the first one's work done instead of inserting the demo city twice.
 */
export async function prepareDatabase(
  app: INestApplication,
  config: AppConfig,
  embedded: boolean,
  logger: LoggerService,
): Promise<void> {
  const dataSource = app.get(DataSource);
  const applied = await runMigrations(dataSource, embedded);
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`, 'database');
  // Due dates are computed by database triggers, in the configured city time zone.
  const timeZoneChanged = await dataSource.transaction(async (manager) => {
    await serializeBootStep(manager);
    return syncCityTimeZone(manager, config.city.timeZone);
  });
  if (timeZoneChanged) {
    logger.log(`City time zone set to ${config.city.timeZone}; open cases' due dates recomputed`, 'database');
  }
  if (!config.demoData) return;
  await dataSource.transaction(async (manager) => {
    await serializeBootStep(manager);
    if (await seedReferenceData(manager)) logger.log('Seeded departments, categories and districts', 'seed');
    const reports = await seedDemoReports(manager);
    if (reports) logger.log(`Seeded ${reports} demo reports`, 'seed');
    const accounts = await seedDemoAccounts(manager);
    if (accounts) logger.log(`Seeded ${accounts} demo accounts (password in the README)`, 'seed');
    if (await seedDemoTemplates(manager)) logger.log('Seeded demo response templates', 'seed');
    const holidays = await seedDemoHolidays(manager);
    if (holidays) logger.log(`Seeded ${holidays} holidays (Spain, Comunidad de Madrid, Madrid) for 2026-2027`, 'seed');
    const cases = await seedDemoCases(manager);
    if (cases) logger.log(`Seeded the moderation console's demo queue (${cases} cases)`, 'seed');
    if (await seedDemoOpen311Client(manager)) logger.log('Registered the demo Open311 client (key demo-open311-key)', 'seed');
    const proposals = await seedDemoProposals(manager);
    if (proposals) logger.log(`Seeded ${proposals} demo proposals with supports and comments`, 'seed');
  });
}
