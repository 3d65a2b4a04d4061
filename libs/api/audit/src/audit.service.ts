import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditPage } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { entryHash, GENESIS_HASH, toJsonValue } from './audit-chain';
import { AuditRepository } from './audit.repository';
import type { ChainVerification } from './audit-verifier';

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

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * Appends one entry, chained to the previous one, inside the caller's transaction: the entry
   * commits or rolls back with the change it describes. Appends are serialised by a
   * transaction-scoped advisory lock, so two replicas never chain onto the same previous entry.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<number> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit entries are written in the transaction of the change they describe');
    }
    const { seq, lastHash } = await this.repository.lockAndReserve(manager);
    const prevHash: string = lastHash ?? GENESIS_HASH;
    const fields = {
      seq,
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
    await this.repository.insert(manager, { ...fields, prevHash, hash });
    return fields.seq;
  }

  /** Newest first, `limit` entries older than seq `before`. */
  async page(before: number | null, limit: number): Promise<AuditPage> {
    const rows = await this.repository.page(before, limit + 1);
    const entries: AuditEntry[] = rows.slice(0, limit).map((row) => ({
      seq: Number(row.seq),
      at: new Date(row.at).toISOString(),
      actorId: row.actor_id ?? null,
      actorEmail: row.actor_email ?? null,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id ?? null,
      before: row.before ?? null,
      after: row.after ?? null,
      hash: row.hash,
    }));
    const more = rows.length > limit;
    return { entries, nextBefore: more && entries.length ? entries[entries.length - 1]!.seq : null };
  }

  verify(): Promise<ChainVerification> {
    return this.repository.verifyChain();
  }
}
