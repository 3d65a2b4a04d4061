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
   * Claims up to `limit` due messages of at least `minPriority` in one statement: row locks with
   * SKIP LOCKED, so replicas never take the same message, then a lease. The attempt is counted
   * when it starts: a worker that dies mid-delivery still used one. Higher priorities first (a
   * sign-in link overtakes a backlog of confirmations), then oldest due.
   */
  async claim(now: Date, lockedUntil: Date, leaseId: string, limit: number, minPriority: number | null = null): Promise<ClaimedMessage[]> {
    const result = await this.db.query<Array<ClaimedMessage & { due_at: Date }> | [Array<ClaimedMessage & { due_at: Date }>, number]>(
      `UPDATE outbox_messages o
          SET locked_until = $2, lease_id = $3, attempts = o.attempts + 1, last_attempt_at = $1
         FROM (SELECT id FROM outbox_messages
                WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                  AND ($5::int IS NULL OR priority >= $5::int)
                ORDER BY priority DESC, next_attempt_at, id
                LIMIT $4
                FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.channel, o.dedupe_key, o.payload, o.attempts, o.priority,
                  COALESCE(o.retried_at, o.created_at) AS window_start, o.next_attempt_at AS due_at`,
      [now, lockedUntil, leaseId, limit, minPriority],
    );
    // UPDATE … RETURNING gives no order: deliver in the claimed order (priority first).
    const rows = unwrapRows(result).sort(
      (a, b) => b.priority - a.priority || new Date(a.due_at).getTime() - new Date(b.due_at).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return rows.map(({ due_at: _dueAt, ...message }) => message);
  }

  /**
   * Extends the lease of messages still held under `leaseId` (pending, not taken over by another
   * worker, not dismissed by staff) and answers which those are: the others must not be sent.
   */
  async renewLeases(ids: string[], leaseId: string, lockedUntil: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await this.db.query<Array<{ id: string }> | [Array<{ id: string }>, number]>(
      `UPDATE outbox_messages SET locked_until = $3 WHERE id = ANY($1::uuid[]) AND lease_id = $2 AND status = 'pending' RETURNING id`,
      [ids, leaseId, lockedUntil],
    );
    return unwrapRows(result).map((row) => row.id);
  }

  /** Claimed but never attempted: free at once, and the attempt each was counted as undone. */
  async release(messages: Array<{ id: string; leaseId: string }>): Promise<void> {
    if (messages.length === 0) return;
    await this.db.query<unknown[]>(
      `UPDATE outbox_messages o SET locked_until = NULL, lease_id = NULL, attempts = greatest(o.attempts - 1, 0)
         FROM unnest($1::uuid[], $2::uuid[]) AS h(id, lease_id)
        WHERE o.id = h.id AND o.lease_id = h.lease_id AND o.status = 'pending'`,
      [messages.map((m) => m.id), messages.map((m) => m.leaseId)],
    );
  }

  /**
   * Records many deliveries as sent in one statement, each fenced by its own lease: a worker that
   * lost a lease cannot overwrite the newer outcome. Drops the content (it has done its job).
   */
  async recordSent(sent: Array<{ id: string; leaseId: string; sentAt: Date; result: string | null }>): Promise<void> {
    if (sent.length === 0) return;
    await this.db.query<unknown[]>(
      `UPDATE outbox_messages o
          SET status = 'sent', sent_at = s.sent_at, result = s.result, last_error = NULL, locked_until = NULL, lease_id = NULL,
              payload = '{}'::jsonb
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[]) AS s(id, lease_id, sent_at, result)
        WHERE o.id = s.id AND o.lease_id = s.lease_id AND o.status = 'pending'`,
      [sent.map((s) => s.id), sent.map((s) => s.leaseId), sent.map((s) => s.sentAt), sent.map((s) => s.result)],
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
