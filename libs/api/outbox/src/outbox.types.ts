import type { EntityManager } from 'typeorm';

/** One message for one channel, written in the transaction of the change that caused it. */
export interface OutboxMessageInput {
  channel: string;
  /**
   * Names the event, e.g. `report-status:<eventId>:<userId>`. A second enqueue with the same key
   * writes nothing, so retried requests and replayed events never send twice.
   */
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Do not deliver before this instant (digests, quiet hours). */
  notBefore?: Date;
  /** Higher first (OUTBOX_PRIORITY); `normal` when unset. */
  priority?: number;
}

/**
 * Delivery order: the worker claims higher priorities first, so a sign-in link or a staff mail is
 * never queued behind a flood of report confirmations (docs/notifications.md#priorities).
 */
export const OUTBOX_PRIORITY = {
  /** Confirmation requests anyone can cause by filling a public form. */
  bulk: 0,
  normal: 5,
  /** Mail someone is waiting for right now: sign-in links, invitations. */
  urgent: 10,
} as const;

/** What a channel learns about the delivery it is asked to make. */
export interface OutboxDelivery {
  /** The outbox message's id: stable across retries (e.g. the email Message-ID is built from it). */
  id: string;
  /** 1 on the first try. */
  attempt: number;
  dedupeKey: string;
}

export interface OutboxChannelHandler {
  readonly channel: string;
  /**
   * Delivers one message, outside any database transaction. Throw to retry later with backoff;
   * throw `PermanentDeliveryError` to fail at once (no retry). May return a short text kept on
   * the message (e.g. an external id).
   */
  deliver(payload: Record<string, unknown>, delivery: OutboxDelivery): Promise<string | void>;
  /**
   * Optional: a channel whose delivery is only a row in this same database (the kept email
   * transport) may deliver inside the enqueuing transaction, so the message exists exactly when
   * the change commits and nobody waits for the worker. Never for anything that leaves the database.
   */
  deliverInTransaction?(
    manager: EntityManager,
    payload: Record<string, unknown>,
    delivery: OutboxDelivery,
  ): Promise<string | void>;
  /** Optional: who the message is for, shown to staff on the Deliveries page (e.g. an email address). */
  recipientOf?(payload: Record<string, unknown>): string | null;
  /** Optional: one line about the message for the Deliveries page (e.g. a mail's subject). */
  summaryOf?(payload: Record<string, unknown>): string | null;
  /** Optional: the channel staff know it as on the Deliveries page (templated mail is mail). */
  readonly shownAs?: string;
}

/** A delivery that cannot succeed by trying again (unknown recipient, malformed payload). */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
