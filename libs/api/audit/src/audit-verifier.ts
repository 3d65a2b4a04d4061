import { entryHash, GENESIS_HASH } from './audit-chain';

/** Runs one SQL statement and returns its rows: a TypeORM DataSource, a `pg` client or PGlite, adapted. */
export type QueryRows = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** seq of the first entry that does not match the chain, when not ok. */
  brokenAt: number | null;
  /** The last entry checked: record it elsewhere to detect a rewritten tail later. */
  head: { seq: number; hash: string } | null;
}

const PAGE = 1000;

/**
 * Walks the audit log in seq order, recomputing every hash from the entry's fields and the
 * previous entry's hash. Reads in pages, so it runs in constant memory on a long history.
 */
export async function verifyAuditChain(query: QueryRows): Promise<ChainVerification> {
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let head: ChainVerification['head'] = null;
  for (;;) {
    const rows = await query(
      `SELECT seq, at, actor_id, actor_email, action, entity_type, entity_id, before, after, prev_hash, hash
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [lastSeq, PAGE],
    );
    for (const row of rows) {
      const seq = Number(row['seq']);
      const expected = entryHash(previous, {
        seq,
        at: new Date(row['at'] as string | Date).toISOString(),
        actorId: (row['actor_id'] as string | null) ?? null,
        actorEmail: (row['actor_email'] as string | null) ?? null,
        action: row['action'] as string,
        entityType: row['entity_type'] as string,
        entityId: (row['entity_id'] as string | null) ?? null,
        // pg and PGlite both parse jsonb; the values come back as the JSON that was hashed.
        before: row['before'] ?? null,
        after: row['after'] ?? null,
      });
      if (row['prev_hash'] !== previous || row['hash'] !== expected) {
        return { ok: false, checked, brokenAt: seq, head };
      }
      previous = expected;
      lastSeq = seq;
      checked += 1;
      head = { seq, hash: expected };
    }
    if (rows.length < PAGE) return { ok: true, checked, brokenAt: null, head };
  }
}
