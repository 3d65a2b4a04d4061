import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox, OUTBOX_PRIORITY } from '@plaza/api/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { EMAIL_CHANNEL } from './email-channel';
import type { Mailer, OutgoingMail } from './mailer';

/** The Mailer: every mail is a message in the outbox, written in the caller's transaction. */
@Injectable()
export class OutboxMailer implements Mailer {
  constructor(
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async send(mail: OutgoingMail, manager: EntityManager = this.db.manager): Promise<void> {
    const { dedupeKey, priority, ...content } = mail;
    await this.outbox.enqueue(manager, {
      channel: EMAIL_CHANNEL,
      dedupeKey: dedupeKey ?? `email:${randomUUID()}`,
      payload: { ...content },
      priority: OUTBOX_PRIORITY[priority ?? 'normal'],
    });
  }
}
