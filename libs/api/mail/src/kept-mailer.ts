import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Mailer, OutgoingMail } from './mailer';
import { MailRepository } from './mail.repository';

/**
 * The Mailer used when SMTP_URL is not set: messages are kept in the database and read on the
 * console's mail preview page, so a laptop install (and the tests) can follow sign-in links.
 */
@Injectable()
export class KeptMailer implements Mailer {
  constructor(private readonly messages: MailRepository) {}

  async send(mail: OutgoingMail, manager?: EntityManager): Promise<void> {
    await this.messages.insert(mail, manager);
  }
}
