import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { verifyAuditChain, type ChainVerification } from './audit-verifier';

// Any constant works; it only has to be the same for every replica.
const AUDIT_APPEND_LOCK = 7_341_030;

/** One audit_log row as stored (jsonb parsed by the driver). */
export interface AuditLogRow {
  seq: string | number;
  at: string | Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditInsert {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Serialises appends until the transaction ends (so two replicas never chain onto the same
   * previous entry) and reserves the next seq; answers the hash to chain onto, null for the first.
   */
  async lockAndReserve(manager: EntityManager): Promise<{ seq: number; lastHash: string | null }> {
    await manager.query<unknown[]>('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    const [last] = await manager.query<{ hash: string }[]>(`SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    const [next] = await manager.query<{ seq: string }[]>(
      `SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
    );
    return { seq: Number(next!.seq), lastHash: last?.hash ?? null };
  }

  async insert(manager: EntityManager, entry: AuditInsert): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO audit_log (seq, at, actor_id, actor_email, action, entity_type, entity_id, before, after, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
      [
        entry.seq,
        entry.at,
        entry.actorId,
        entry.actorEmail,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.prevHash,
        entry.hash,
      ],
    );
  }

  /** Newest first, up to `limit` entries older than seq `before`. */
  page(before: number | null, limit: number): Promise<AuditLogRow[]> {
    return this.db.query<AuditLogRow[]>(
      `SELECT seq, at, actor_id, actor_email, action, entity_type, entity_id, before, after, hash
         FROM audit_log WHERE ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
      [before, limit],
    );
  }

  /**
   * The key of a subject, created on first use inside the caller's transaction (a concurrent
   * first use by another transaction waits on the primary key and then reads the winner's key).
   */
  async subjectKey(manager: EntityManager, subject: string, fresh: Buffer): Promise<Buffer> {
    await manager.query<unknown[]>(
      `INSERT INTO audit_subject_keys (subject, key) VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING`,
      [subject, fresh],
    );
    const [row] = await manager.query<{ key: Buffer }[]>(`SELECT key FROM audit_subject_keys WHERE subject = $1`, [
      subject,
    ]);
    return row!.key;
  }

  /** The keys still held for these subjects (erased subjects are simply absent). */
  async subjectKeys(subjects: string[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    const rows = await this.db.query<{ subject: string; key: Buffer }[]>(
      `SELECT subject, key FROM audit_subject_keys WHERE subject = ANY($1::text[])`,
      [subjects],
    );
    return new Map(rows.map((r) => [r.subject, r.key]));
  }

  /** Crypto-shredding: the subjects' data becomes unreadable in every entry. Answers how many keys went. */
  async deleteSubjectKeys(manager: EntityManager, subjects: string[]): Promise<number> {
    if (subjects.length === 0) return 0;
    const [, count] = await manager.query<[unknown[], number]>(
      `DELETE FROM audit_subject_keys WHERE subject = ANY($1::text[])`,
      [subjects],
    );
    return count;
  }

  /** How many entries of an action concern these entities (e.g. staff views of a reporter's contact). */
  async countFor(action: string, entityType: string, entityIds: string[]): Promise<number> {
    if (entityIds.length === 0) return 0;
    const [row] = await this.db.query<{ count: string }[]>(
      `SELECT count(*)::text AS count FROM audit_log WHERE action = $1 AND entity_type = $2 AND entity_id = ANY($3::text[])`,
      [action, entityType, entityIds],
    );
    return Number(row?.count ?? 0);
  }

  /** Whether this actor already has an entry of this action on this entity since `since`. */
  async existsSince(
    manager: EntityManager,
    q: { action: string; entityType: string; entityId: string; actorId: string; since: Date },
  ): Promise<boolean> {
    const rows = await manager.query<{ seq: string }[]>(
      `SELECT seq FROM audit_log
        WHERE entity_type = $1 AND entity_id = $2 AND action = $3 AND actor_id = $4 AND at >= $5 LIMIT 1`,
      [q.entityType, q.entityId, q.action, q.actorId, q.since],
    );
    return rows.length > 0;
  }

  verifyChain(): Promise<ChainVerification> {
    return verifyAuditChain((sql, params) => this.db.query<Array<Record<string, unknown>>>(sql, params));
  }
}
