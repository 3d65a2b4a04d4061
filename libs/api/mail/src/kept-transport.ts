import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailTransport } from './mail-transport';
import type { OutgoingMail } from './mailer';
import { MailRepository } from './mail.repository';

/**
 * The transport used when SMTP_URL is not set: messages are kept in `mail_messages` and read on the
 * console's mail preview page, so a laptop install (and the tests) can follow sign-in links.
 * Delivery is one INSERT into the same database, so it happens inside the enqueuing transaction:
 * the link is readable the moment the request that asked for it returns (see docs/notifications.md).
 */
@Injectable()
export class KeptTransport implements MailTransport {
  readonly name = 'kept' as const;
  readonly local = true;

  constructor(private readonly messages: MailRepository) {}

  deliver(mail: OutgoingMail, _delivery: unknown, manager?: EntityManager): Promise<string> {
    return this.messages.insert(mail, manager);
  }
}
