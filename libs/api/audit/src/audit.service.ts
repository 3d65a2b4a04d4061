import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditPage } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { entryHash, GENESIS_HASH, toJsonValue } from './audit-chain';
import { verifyAuditChain, type ChainVerification } from './audit-verifier';

/** Who did it: the signed-in user, or null for the system itself (seeding, scheduled jobs). */
export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `department.create`, `user.deactivate`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

// Any constant works; it only has to be the same for every replica.
const AUDIT_APPEND_LOCK = 7_341_030;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends one entry, chained to the previous one, inside the caller's transaction: the entry
   * commits or rolls back with the change it describes. Appends are serialised by a
   * transaction-scoped advisory lock, so two replicas never chain onto the same previous entry.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<number> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit entries are written in the transaction of the change they describe');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    const [last] = await manager.query(`SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    const [{ seq: rawSeq }] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
    );
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    const fields = {
      seq: Number(rawSeq),
      at: new Date().toISOString(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
    };
    const hash = entryHash(prevHash, fields);
    await manager.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_email, action, entity_type, entity_id, before, after, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
      [
        fields.seq,
        fields.at,
        fields.actorId,
        fields.actorEmail,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.before === null ? null : JSON.stringify(fields.before),
        fields.after === null ? null : JSON.stringify(fields.after),
        prevHash,
        hash,
      ],
    );
    return fields.seq;
  }

  /** Newest first, `limit` entries older than seq `before`. */
  async page(before: number | null, limit: number): Promise<AuditPage> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT seq, at, actor_id, actor_email, action, entity_type, entity_id, before, after, hash
         FROM audit_log WHERE ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
      [before, limit + 1],
    );
    const entries: AuditEntry[] = rows.slice(0, limit).map((row) => ({
      seq: Number(row['seq']),
      at: new Date(row['at'] as string).toISOString(),
      actorId: (row['actor_id'] as string | null) ?? null,
      actorEmail: (row['actor_email'] as string | null) ?? null,
      action: row['action'] as string,
      entityType: row['entity_type'] as string,
      entityId: (row['entity_id'] as string | null) ?? null,
      before: row['before'] ?? null,
      after: row['after'] ?? null,
      hash: row['hash'] as string,
    }));
    const more = rows.length > limit;
    return { entries, nextBefore: more && entries.length ? entries[entries.length - 1]!.seq : null };
  }

  verify(): Promise<ChainVerification> {
    return verifyAuditChain((sql, params) => this.db.query(sql, params));
  }
}
