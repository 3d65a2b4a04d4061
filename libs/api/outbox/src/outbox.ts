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
    await this.written(manager, { id, channel: input.channel, dedupeKey: input.dedupeKey, payload: input.payload, delayed: Boolean(input.notBefore) });
    return true;
  }

  /** Wakes the worker for messages a writer's own statement committed (outside any transaction). */
  committed(): void {
    setImmediate(() => this.signal.notify());
  }

  /**
   * Whether a message of this channel, due now, is delivered inside the transaction that writes
   * it (the kept email transport): a writer that inserts outbox rows with its own SQL then needs
   * a transaction and `written()`; otherwise its single statement is the whole write.
   */
  deliversInline(channel: string): boolean {
    return Boolean(this.channels.get(channel)?.deliverInTransaction);
  }

  /**
   * What follows the insert of a message, for writers that insert `outbox_messages` rows in their
   * own statement (e.g. filing a report in one statement): delivers it in the caller's transaction
   * when its channel does that, else wakes the worker once the row is committed.
   */
  async written(
    manager: EntityManager,
    message: { id: string; channel: string; dedupeKey: string; payload: Record<string, unknown>; delayed?: boolean },
  ): Promise<void> {
    const handler = this.channels.get(message.channel);
    if (handler?.deliverInTransaction && !message.delayed) {
      const result = await handler.deliverInTransaction(manager, message.payload, { id: message.id, attempt: 1, dedupeKey: message.dedupeKey });
      await this.messages.markSentInline(manager, message.id, this.clock.now(), typeof result === 'string' ? result.slice(0, 500) : null);
      return;
    }
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else this.committed();
  }
}
