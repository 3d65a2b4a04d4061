import path from 'node:path';
import type { AppConfig } from '@plaza/api/config';
import { EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** The configured server, or an embedded one kept under DATA_DIR when DATABASE_URL is unset. */
export async function connectDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  const embedded = await EmbeddedPostgres.start({ dataDir: path.join(config.dataDir, 'pg') });
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
