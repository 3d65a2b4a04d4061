import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@plaza/api/config';
import { connectDatabase } from '@plaza/api/database';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { httpServerOptions } from './http-server-options';
import { JsonLogger, createHttpLogger } from './json-logger';
import { prepareDatabase } from './prepare-database';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new JsonLogger(config.logLevel);
  const database = await connectDatabase(config);
  logger.log(database.embedded ? `Embedded PostgreSQL at ${config.dataDir}` : 'Using DATABASE_URL', 'bootstrap');

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, database }),
    new FastifyAdapter(httpServerOptions(config, createHttpLogger(config.logLevel))),
    { logger, bufferLogs: true },
  );
  await configureApp(app, config);
  await prepareDatabase(app, config, database.embedded, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Plaza listening on ${config.publicUrl} (port ${config.port})`, 'bootstrap');

  // Graceful stop (a rolling update, a scale-down): new requests are answered 503, the outbox
  // worker finishes the delivery in progress and hands back the rest of its batch, scheduled jobs
  // stop after their batch in progress and hand their slot back (SchedulerService), open live
  // streams are ended, requests in flight complete, then the database closes and the process
  // exits 0. The fleet test (apps/fleet-e2e) proves it with a second replica serving meanwhile.
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    logger.log(`${signal}: stopping`, 'bootstrap');
    try {
      await app.close();
      await database.close();
    } catch (error) {
      logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`, 'bootstrap');
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  new Logger('bootstrap').error(error);
  process.exit(1);
});
