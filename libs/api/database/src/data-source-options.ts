import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** Read replicas (DATABASE_READ_URL) for public reads (see public-reads.ts); empty: all on `url`. */
  readUrls?: string[];
  /** Embedded PGlite is one session: a pool of one keeps transactions from interleaving on it. */
  embedded: boolean;
  entities?: DataSourceOptions['entities'];
}

export function dataSourceOptions({ url, readUrls = [], embedded, entities = [] }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    // With replicas every query still goes to the primary unless it asks for a replica explicitly
    // (PublicReads): reading one's own writes stays the default.
    ...(readUrls.length > 0 && !embedded
      ? { replication: { master: { url }, slaves: readUrls.map((readUrl) => ({ url: readUrl })), defaultMode: 'master' as const } }
      : { url }),
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes only through migrations, run explicitly at boot (see run-migrations.ts).
    synchronize: false,
    migrationsRun: false,
    // Extensions are created by migrations, not by TypeORM behind our back.
    installExtensions: false,
    poolSize: embedded ? 1 : 10,
    extra: {
      application_name: 'plaza-api',
      // A request never waits more than this for a pooled connection.
      connectionTimeoutMillis: embedded ? 60_000 : 10_000,
    },
    logging: ['error'],
  };
}
