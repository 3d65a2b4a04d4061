import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditPage } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { entryHash, GENESIS_HASH, toJsonValue } from './audit-chain';
import { AuditRepository } from './audit.repository';
import type { ChainVerification } from './audit-verifier';
import { randomBytes } from 'node:crypto';
import {
  openJson,
  openString,
  sealedSubject,
  sealJson,
  sealString,
  subjectOfUser,
  type AuditSubject,
} from './audit-sealing';

/** Who did it: the signed-in user, or null for the system itself (seeding, scheduled jobs). */
export interface AuditActor {
  id: string;
  email: string;
  /**
   * When every role is `citizen`, the email is personal data of a member of the public: it is
   * sealed under the citizen's key and erased with their account. Staff emails stay readable:
   * they answer for what they did on the city's behalf.
   */
  roles?: readonly string[];
}

export interface AuditRecord {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `department.create`, `user.deactivate`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * Whose personal data `before` and `after` hold, if anyone's (e.g. a reporter's original text
   * in `case.edit_text`): both are then stored sealed under that subject's key, and erasing the
   * subject erases them. See docs/decisions/0007-audit-log-and-erasure.md.
   */
  personalDataOf?: AuditSubject;
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
    const key = (subject: AuditSubject) => this.repository.subjectKey(manager, subject, randomBytes(32));
    const citizenActor = entry.actor?.roles?.length && entry.actor.roles.every((role) => role === 'citizen');
    let actorEmail = entry.actor?.email ?? null;
    if (entry.actor && actorEmail !== null && citizenActor) {
      const subject = subjectOfUser(entry.actor.id);
      actorEmail = sealString(await key(subject), subject, actorEmail);
    }
    let before = toJsonValue(entry.before);
    let after = toJsonValue(entry.after);
    if (entry.personalDataOf) {
      const subjectKey = await key(entry.personalDataOf);
      before = sealJson(subjectKey, entry.personalDataOf, before);
      after = sealJson(subjectKey, entry.personalDataOf, after);
    }
    const fields = {
      seq,
      at: new Date().toISOString(),
      actorId: entry.actor?.id ?? null,
      actorEmail,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJsonValue(before),
      after: toJsonValue(after),
    };
    const hash = entryHash(prevHash, fields);
    await this.repository.insert(manager, { ...fields, prevHash, hash });
    return fields.seq;
  }

  /** Newest first, `limit` entries older than seq `before`. */
  async page(before: number | null, limit: number): Promise<AuditPage> {
    const rows = await this.repository.page(before, limit + 1);
    const shown = rows.slice(0, limit);
    // Sealed values open with their subject's key while it exists; an erased subject reads as erased.
    const subjects = new Set<string>();
    for (const row of shown) {
      for (const value of [row.actor_email, row.before, row.after]) {
        const subject = sealedSubject(value);
        if (subject) subjects.add(subject);
      }
    }
    const keys = await this.repository.subjectKeys([...subjects]);
    const entries: AuditEntry[] = shown.map((row) => ({
      seq: Number(row.seq),
      at: new Date(row.at).toISOString(),
      actorId: row.actor_id ?? null,
      actorEmail: openString(row.actor_email ?? null, keys),
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id ?? null,
      before: openJson(row.before ?? null, keys),
      after: openJson(row.after ?? null, keys),
      hash: row.hash,
    }));
    const more = rows.length > limit;
    return { entries, nextBefore: more && entries.length ? entries[entries.length - 1]!.seq : null };
  }

  /** Crypto-shreds these subjects' data in the whole log, inside the erasure's transaction. */
  forget(manager: EntityManager, subjects: AuditSubject[]): Promise<number> {
    return this.repository.deleteSubjectKeys(manager, subjects);
  }

  /** Whether this actor already has an entry of this action on this entity since `since` (to collapse repeats). */
  existsSince(
    manager: EntityManager,
    q: { action: string; entityType: string; entityId: string; actorId: string; since: Date },
  ): Promise<boolean> {
    return this.repository.existsSince(manager, q);
  }

  /** How many entries of an action concern these entities. */
  count(action: string, entityType: string, entityIds: string[]): Promise<number> {
    return this.repository.countFor(action, entityType, entityIds);
  }

  verify(): Promise<ChainVerification> {
    return this.repository.verifyChain();
  }
}
