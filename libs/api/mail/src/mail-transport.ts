import type { OutboxDelivery } from '@plaza/api/outbox';
import type { EntityManager } from 'typeorm';
import type { OutgoingMail } from './mailer';

/** How the `email` outbox channel hands a message over: kept in the database, or SMTP. */
export interface MailTransport {
  readonly name: 'kept' | 'smtp';
  /** Returns what to keep on the outbox message (the Message-ID, the kept row's id). */
  deliver(mail: OutgoingMail, delivery: OutboxDelivery, manager?: EntityManager): Promise<string>;
  /** True when delivery is only a row in this same database, so it may happen inside the enqueuing transaction. */
  readonly local: boolean;
  close?(): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
