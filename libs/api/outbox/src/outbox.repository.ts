import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryStatus } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A message as the worker claims it. */
export interface ClaimedMessage {
  id: string;
  channel: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  priority: number;
  /** When the current retry window opened: written, or retried by staff. */
  window_start: Date;
}

/** A message as staff see it on the Deliveries page. */
export interface DeliveryRow {
  id: string;
  channel: string;
  status: DeliveryStatus;
  payload: Record<string, unknown>;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  locked_until: Date | null;
  created_at: Date;
  last_attempt_at: Date | null;
}

/** One channel's waiting or failed messages, for the metrics endpoint. */
export interface OutboxBacklogRow {
  channel: string;
  status: 'pending' | 'failed';
  messages: number;
  oldest_age_seconds: number;
}

const DELIVERY_COLUMNS = `id, channel, status, payload, attempts, last_error, next_attempt_at, locked_until, created_at, last_attempt_at`;

/** `manager.query` returns `[rows, count]` for UPDATE … RETURNING on some drivers, rows on others. */
function unwrapRows<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/**
 * Every statement on `outbox_messages`: enqueueing (in the caller's transaction), the worker's
 * claim / lease / fenced outcome, and the staff Deliveries page's reads and changes.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The new message's id, or null (nothing written) when one with this dedupe key exists. */
  async insert(
    manager: EntityManager,
    message: {
      channel: string;
      dedupeKey: string;
      payload: Record<string, unknown>;
      notBefore: Date;
      priority: number;
      now: Date;
    },
  ): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [message.channel, message.dedupeKey, JSON.stringify(message.payload), message.notBefore, message.now, message.priority],
    );
    return rows[0]?.id ?? null;
  }

  /** A message delivered inside the transaction that wrote it. */
  async markSentInline(manager: EntityManager, id: string, now: Date, result: string | null): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE outbox_messages SET status = 'sent', attempts = 1, last_attempt_at = $2, sent_at = $2, result = $3, payload = '{}'::jsonb WHERE id = $1`,
      [id, now, result],
    );
  }

  /**
   * Claims up to `limit` due messages in one short transaction: row locks with SKIP LOCKED, so
   * replicas never take the same message, then a lease. The attempt is counted when it starts: a
   * worker that dies mid-delivery still used one. Higher priorities first (a sign-in link overtakes
   * a backlog of confirmations), then oldest due.
   */
  claim(now: Date, lockedUntil: Date, leaseId: string, limit: number): Promise<ClaimedMessage[]> {
    return this.db.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT id FROM outbox_messages
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
          ORDER BY priority DESC, next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      if (rows.length === 0) return [];
      const claimed = await manager.query<ClaimedMessage[] | [ClaimedMessage[], number]>(
        `UPDATE outbox_messages
            SET locked_until = $2, lease_id = $3, attempts = attempts + 1, last_attempt_at = $4
          WHERE id = ANY($1::uuid[])
          RETURNING id, channel, dedupe_key, payload, attempts, priority, COALESCE(retried_at, created_at) AS window_start`,
        [rows.map((row) => row.id), lockedUntil, leaseId, now],
      );
      // UPDATE … RETURNING gives no order: deliver in the claimed order (priority first).
      const position = new Map(rows.map((row, index) => [row.id, index]));
      return unwrapRows(claimed).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    });
  }

  /**
   * Whether a message of higher priority than `priority` is due and free: the worker then hands
   * back the rest of its batch, so an urgent message waits for one delivery at most, not a batch.
   * One probe of the due index, so cheap enough to ask before each lower-priority delivery.
   */
  async higherPriorityDue(priority: number, now: Date): Promise<boolean> {
    const rows = await this.db.query<Array<{ due: number }>>(
      `SELECT 1 AS due FROM outbox_messages
        WHERE status = 'pending' AND priority > $1 AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
        LIMIT 1`,
      [priority, now],
    );
    return rows.length > 0;
  }

  /** False when the lease was taken over by another worker, or staff dismissed the message. */
  async renewLease(id: string, leaseId: string, lockedUntil: Date): Promise<boolean> {
    const result = await this.db.query<Array<{ id: string }> | [Array<{ id: string }>, number]>(
      `UPDATE outbox_messages SET locked_until = $3 WHERE id = $1 AND lease_id = $2 AND status = 'pending' RETURNING id`,
      [id, leaseId, lockedUntil],
    );
    return unwrapRows(result).length === 1;
  }

  /** Claimed but never attempted: free at once, and the attempt it was counted as undone. */
  async release(ids: string[], leaseId: string): Promise<void> {
    await this.db.query<unknown[]>(
      `UPDATE outbox_messages SET locked_until = NULL, lease_id = NULL, attempts = greatest(attempts - 1, 0)
        WHERE id = ANY($1::uuid[]) AND lease_id = $2 AND status = 'pending'`,
      [ids, leaseId],
    );
  }

  /** Fenced by the lease: a worker that lost its lease cannot overwrite a newer outcome. Drops the content. */
  async recordSent(id: string, leaseId: string, now: Date, result: string | null): Promise<void> {
    await this.db.query<unknown[]>(
      `UPDATE outbox_messages
          SET status = 'sent', sent_at = $3, result = $4, last_error = NULL, locked_until = NULL, lease_id = NULL,
              payload = '{}'::jsonb
        WHERE id = $1 AND lease_id = $2 AND status = 'pending'`,
      [id, leaseId, now, result],
    );
  }

  /** Fenced by the lease, as recordSent. */
  async recordFailure(
    id: string,
    leaseId: string,
    outcome: { status: 'pending' | 'failed'; error: string; nextAttemptAt: Date; failedAt: Date | null },
  ): Promise<void> {
    await this.db.query<unknown[]>(
      `UPDATE outbox_messages
          SET status = $3, last_error = $4, next_attempt_at = $5, failed_at = $6, locked_until = NULL, lease_id = NULL
        WHERE id = $1 AND lease_id = $2 AND status = 'pending'`,
      [id, leaseId, outcome.status, outcome.error, outcome.nextAttemptAt, outcome.failedAt],
    );
  }

  /** Failed first, then those waiting for a retry (attempted at least once), newest first. */
  listDeliveries(status: 'failed' | 'pending' | null, limit: number): Promise<DeliveryRow[]> {
    return this.db.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM outbox_messages
        WHERE ($1::text IS NULL AND (status = 'failed' OR (status = 'pending' AND attempts > 0)))
           OR ($1 = 'failed' AND status = 'failed')
           OR ($1 = 'pending' AND status = 'pending' AND attempts > 0)
        ORDER BY (status = 'failed') DESC, created_at DESC, id
        LIMIT $2`,
      [status, limit],
    );
  }

  async lockDelivery(manager: EntityManager, id: string): Promise<DeliveryRow | null> {
    const [row] = await manager.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM outbox_messages WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Back to pending, due now, with a fresh retry window. */
  async retryDelivery(manager: EntityManager, id: string, now: Date): Promise<DeliveryRow | null> {
    const result = await manager.query<DeliveryRow[] | [DeliveryRow[], number]>(
      `UPDATE outbox_messages SET status = 'pending', next_attempt_at = $2, retried_at = $2, failed_at = NULL, dismissed_at = NULL,
              locked_until = NULL, lease_id = NULL
        WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`,
      [id, now],
    );
    return unwrapRows(result)[0] ?? null;
  }

  /** Never sent; kept for the record. Clearing the lease also fences off a worker that still holds it in a batch. */
  async dismissDelivery(manager: EntityManager, id: string, now: Date): Promise<DeliveryRow | null> {
    const result = await manager.query<DeliveryRow[] | [DeliveryRow[], number]>(
      `UPDATE outbox_messages SET status = 'dismissed', dismissed_at = $2, locked_until = NULL, lease_id = NULL WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`,
      [id, now],
    );
    return unwrapRows(result)[0] ?? null;
  }

  /**
   * What is waiting, per channel, for the metrics endpoint: pending messages and the age of the
   * oldest one (a growing age with a flat count means the worker is stuck, not busy), and the
   * failed ones staff have not dealt with yet.
   */
  async backlog(): Promise<OutboxBacklogRow[]> {
    return this.db.query<OutboxBacklogRow[]>(
      `SELECT channel, status, count(*)::int AS messages,
              COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_age_seconds
         FROM outbox_messages
        WHERE status IN ('pending', 'failed')
        GROUP BY channel, status`,
    );
  }
}
