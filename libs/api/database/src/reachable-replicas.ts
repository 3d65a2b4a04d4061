import { Logger } from '@nestjs/common';
import pg from 'pg';

/** How long a replica may take to answer at boot before the API starts without it. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * The read replicas (DATABASE_READ_URL) that answer now. TypeORM connects to every replica when
 * the API boots and fails the boot if one is down; a replica is an optimisation, so one that is
 * down (or still being rebuilt) must not keep an API replica from starting during an incident.
 * The ones left out are left out until the next restart: their reads go to the primary meanwhile.
 */
export async function reachableReplicas(urls: readonly string[], logger = new Logger('PublicReads')): Promise<string[]> {
  const answering = await Promise.all(urls.map((url) => answersNow(url)));
  const reachable = urls.filter((_url, i) => answering[i]);
  const missing = urls.length - reachable.length;
  if (missing > 0) {
    logger.warn(`${missing} of ${urls.length} read replicas did not answer at boot: their reads go to the primary until the next restart`);
  }
  return reachable;
}

async function answersNow(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    // Connected means the server is up, accepts connections and knows the database.
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
