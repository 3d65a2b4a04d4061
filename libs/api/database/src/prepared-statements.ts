import { createHash } from 'node:crypto';

/** The part of pg's Pool the prepared statements use. */
export interface PgPool {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/** TypeORM's pg driver: one pool for the primary, one per replica when replication is configured. */
export interface PgPoolsDriver {
  master: PgPool;
  slaves?: PgPool[];
}

const preparedNames = new Map<string, string>();

/**
 * A statement's name, derived from its text, so each statement shape gets its own and every
 * connection that prepared it finds it under the same name.
 */
export function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `plaza_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    preparedNames.set(text, name);
  }
  return name;
}
