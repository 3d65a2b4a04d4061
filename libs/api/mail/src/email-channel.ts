import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  OutboxChannels,
  PermanentDeliveryError,
  type OutboxChannelHandler,
  type OutboxDelivery,
} from '@plaza/api/outbox';
import type { EntityManager } from 'typeorm';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import type { OutgoingMail } from './mailer';

export const EMAIL_CHANNEL = 'email';

/** The outbox's `email` channel: hands each queued mail to the configured transport. */
@Injectable()
export class EmailChannel implements OnModuleInit {
  constructor(
    private readonly channels: OutboxChannels,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    const transport = this.transport;
    const handler: OutboxChannelHandler = {
      channel: EMAIL_CHANNEL,
      deliver: (payload, delivery) => transport.deliver(toMail(payload), delivery),
      recipientOf: (payload) => (typeof payload['to'] === 'string' ? payload['to'] : null),
      ...(transport.local
        ? {
            deliverInTransaction: (manager: EntityManager, payload: Record<string, unknown>, delivery: OutboxDelivery) =>
              transport.deliver(toMail(payload), delivery, manager),
          }
        : {}),
    };
    this.channels.register(handler);
  }
}

/** A payload that is not a mail can never be delivered: fail it at once instead of retrying for days. */
function toMail(payload: Record<string, unknown>): OutgoingMail {
  const { to, subject, text, html, locale, unsubscribeUrl } = payload;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string') {
    throw new PermanentDeliveryError('The queued email lacks a recipient, subject or text');
  }
  return {
    to,
    subject,
    text,
    locale: typeof locale === 'string' ? locale : 'es',
    ...(typeof html === 'string' ? { html } : {}),
    ...(typeof unsubscribeUrl === 'string' ? { unsubscribeUrl } : {}),
  };
}
