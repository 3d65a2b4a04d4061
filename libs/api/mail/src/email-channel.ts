import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  OutboxChannels,
  PermanentDeliveryError,
  type OutboxChannelHandler,
  type OutboxDelivery,
} from '@plaza/api/outbox';
import type { EntityManager } from 'typeorm';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { InvalidMailValues, MailTemplates } from './mail-templates';
import type { OutgoingMail } from './mailer';

export const EMAIL_CHANNEL = 'email';
/**
 * Mail queued as a template's values (MailTemplates), rendered when delivered. A channel of its own,
 * not `email`: during a rolling upgrade a replica that predates it finds no handler and leaves the
 * message to be retried by one that has it, where it would fail an `email` without a subject for good.
 */
export const TEMPLATED_EMAIL_CHANNEL = 'templated-email';

/** The outbox's mail channels: each queued mail, rendered if need be, to the configured transport. */
@Injectable()
export class EmailChannel implements OnModuleInit {
  constructor(
    private readonly channels: OutboxChannels,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly templates: MailTemplates,
  ) {}

  onModuleInit(): void {
    const transport = this.transport;
    const toMail = (payload: Record<string, unknown>): OutgoingMail => mailOf(payload, this.templates);
    const handler: Omit<OutboxChannelHandler, 'channel'> = {
      deliver: (payload, delivery) => transport.deliver(toMail(payload), delivery),
      recipientOf: (payload) => (typeof payload['to'] === 'string' ? payload['to'] : null),
      summaryOf: (payload) => {
        try {
          return toMail(payload).subject;
        } catch {
          return null;
        }
      },
      ...(transport.local
        ? {
            deliverInTransaction: (manager: EntityManager, payload: Record<string, unknown>, delivery: OutboxDelivery) =>
              transport.deliver(toMail(payload), delivery, manager),
          }
        : {}),
    };
    this.channels.register({ ...handler, channel: EMAIL_CHANNEL });
    // Staff see both as mail (the Deliveries page); erasure purges both (PersonalDataRepository).
    this.channels.register({ ...handler, channel: TEMPLATED_EMAIL_CHANNEL, shownAs: EMAIL_CHANNEL });
  }
}

/**
 * The mail a queued payload stands for: rendered from its values when it names a `template`
 * (MailTemplates), else the mail itself. A payload that is not a mail can never be delivered:
 * fail it at once instead of retrying for days.
 */
export function mailOf(payload: Record<string, unknown>, templates: MailTemplates): OutgoingMail {
  if (typeof payload['template'] === 'string') {
    try {
      return templates.render(payload['template'], payload);
    } catch (error) {
      if (error instanceof InvalidMailValues) throw new PermanentDeliveryError(error.message);
      throw error;
    }
  }
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
