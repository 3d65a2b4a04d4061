import { hashApiKey } from '@plaza/api/api-clients';
import type { EntityManager } from 'typeorm';

/** Public on purpose: the demo's Open311 client key, documented in docs/open311.md. Demo data only. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/**
 * Registers the demo client application so a newcomer can POST to /open311/v2/requests.xml at once.
 * Called only when DEMO_DATA is on, which the configuration refuses in production.
 */
export async function seedDemoOpen311Client(manager: EntityManager): Promise<boolean> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO api_clients (name, contact_email, key_hash) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    ['Demo Open311 client', 'open311-demo@ayto.example', hashApiKey(DEMO_OPEN311_KEY)],
  );
  return inserted.length > 0;
}
