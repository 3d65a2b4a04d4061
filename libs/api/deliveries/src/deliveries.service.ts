import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import { OutboxChannels, OutboxClock, OutboxRepository, type DeliveryRow } from '@plaza/api/outbox';
import type { DeliveryStatus, DeliveryView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () => new DomainError('DELIVERY.NOT_FOUND', 'not_found', 'No such delivery.');

/** The Deliveries page: messages that failed or are still being retried, and what staff do about them. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly clock: OutboxClock,
    private readonly audit: AuditService,
  ) {}

  /** Failed first, then those waiting for a retry (attempted at least once), newest first. */
  async list(status: 'failed' | 'pending' | null, limit: number): Promise<DeliveryView[]> {
    const rows = await this.messages.listDeliveries(status, limit);
    return rows.map((row) => this.view(row));
  }

  /** Back to pending, due now, with a fresh retry window. */
  retry(actor: AuditActor, id: string): Promise<DeliveryView> {
    return this.change(actor, id, 'delivery.retry', ['failed', 'pending', 'dismissed'], (manager, now) =>
      this.messages.retryDelivery(manager, id, now),
    );
  }

  /** Stops retrying: the message stays for the record but is never sent. */
  dismiss(actor: AuditActor, id: string): Promise<DeliveryView> {
    return this.change(actor, id, 'delivery.dismiss', ['failed', 'pending'], (manager, now) =>
      // Clearing the lease also fences off a worker that still holds this message in a batch.
      this.messages.dismissDelivery(manager, id, now),
    );
  }

  private async change(
    actor: AuditActor,
    rawId: string,
    action: string,
    from: DeliveryStatus[],
    update: (manager: EntityManager, now: Date) => Promise<DeliveryRow | null>,
  ): Promise<DeliveryView> {
    if (!UUID.test(rawId)) throw notFound();
    const id = rawId.toLowerCase();
    return this.db.transaction(async (manager) => {
      const before = await this.messages.lockDelivery(manager, id);
      if (!before) throw notFound();
      const now = this.clock.now();
      if (!from.includes(before.status)) {
        throw new DomainError('DELIVERY.WRONG_STATUS', 'conflict', `A ${before.status} delivery cannot be changed this way.`);
      }
      if (before.locked_until && new Date(before.locked_until) > now) {
        throw new DomainError('DELIVERY.IN_PROGRESS', 'conflict', 'This delivery is being attempted right now; try again in a moment.');
      }
      const after = await update(manager, now);
      const view = this.view(after!);
      await this.audit.record(manager, {
        actor,
        action,
        entityType: 'delivery',
        entityId: id,
        before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
        after: { status: view.status },
      });
      return view;
    });
  }

  private view(row: DeliveryRow): DeliveryView {
    const handler = this.channels.get(row.channel);
    const payload = row.payload ?? {};
    const recipient = handler?.recipientOf?.(payload) ?? (typeof payload['to'] === 'string' ? payload['to'] : null);
    return {
      id: row.id,
      channel: handler?.shownAs ?? row.channel,
      status: row.status,
      recipient,
      summary: handler?.summaryOf ? handler.summaryOf(payload) : typeof payload['subject'] === 'string' ? payload['subject'] : null,
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.status === 'pending' && row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
      lastAttemptAt: row.last_attempt_at ? new Date(row.last_attempt_at).toISOString() : null,
    };
  }
}
