import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { OutboxRepository } from './outbox.repository';
import { OutboxChannels } from './outbox-channels';
import { OutboxClock } from './outbox-clock';
import { OutboxSignal } from './outbox-signal';
import { OUTBOX_PRIORITY, type OutboxMessageInput } from './outbox.types';

/**
 * Writes messages into `outbox_messages` in the caller's transaction: a notification exists if
 * and only if the change that caused it commits. The worker delivers it afterwards.
 */
@Injectable()
export class Outbox implements OnModuleInit {
  /** Transactions that enqueued something: the worker is woken when they commit. */
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly clock: OutboxClock,
    private readonly signal: OutboxSignal,
  ) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        // A released savepoint also "commits"; only the outermost commit makes the row visible.
        if (!this.pending.has(queryRunner) || queryRunner.isTransactionActive) return;
        this.pending.delete(queryRunner);
        // After the commit returns, so the worker's own transaction never interleaves with it.
        setImmediate(() => this.signal.notify());
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
      },
    };
    this.db.subscribers.push(subscriber);
  }

  /** False, and nothing written, when a message with this dedupeKey already exists. */
  async enqueue(manager: EntityManager, input: OutboxMessageInput): Promise<boolean> {
    const now = this.clock.now();
    const id = await this.messages.insert(manager, {
      channel: input.channel,
      dedupeKey: input.dedupeKey,
      payload: input.payload,
      notBefore: input.notBefore ?? now,
      priority: input.priority ?? OUTBOX_PRIORITY.normal,
      now,
    });
    if (!id) return false;

    const handler = this.channels.get(input.channel);
    const inline = handler?.deliverInTransaction && !input.notBefore;
    if (inline) {
      const result = await handler.deliverInTransaction!(manager, input.payload, { id, attempt: 1, dedupeKey: input.dedupeKey });
      await this.messages.markSentInline(manager, id, now, typeof result === 'string' ? result.slice(0, 500) : null);
      return true;
    }

    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else setImmediate(() => this.signal.notify());
    return true;
  }
}
