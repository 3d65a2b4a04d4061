import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox, OUTBOX_PRIORITY, OutboxChannels, PermanentDeliveryError } from '@plaza/api/outbox';
import { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { EmailLinkService } from './email-link.service';

/** The outbox channel that decides, after the request has answered, whether a link is mailed. */
export const SIGN_IN_LINK_CHANNEL = 'sign-in-link';

/**
 * Sign-in link requests, answered in constant time: the request only queues the address (one
 * outbox row, whoever it belongs to) and answers 202; the outbox worker then looks the account up
 * and, if there is an active one, mails the link at urgent priority. Nothing in the answer or its
 * timing says whether an account exists (docs/security.md#account-enumeration).
 */
@Injectable()
export class SignInLinkRequests implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: EmailLinkService,
    private readonly outbox: Outbox,
    private readonly channels: OutboxChannels,
  ) {}

  onModuleInit(): void {
    this.channels.register({
      channel: SIGN_IN_LINK_CHANNEL,
      deliver: (payload) => this.fulfil(payload),
      recipientOf: (payload) => (typeof payload['email'] === 'string' ? payload['email'] : null),
    });
  }

  async queue(email: string, nextPath: string): Promise<void> {
    await this.outbox.enqueue(this.db.manager, {
      channel: SIGN_IN_LINK_CHANNEL,
      dedupeKey: `${SIGN_IN_LINK_CHANNEL}:${randomUUID()}`,
      payload: { email, next: nextPath },
      priority: OUTBOX_PRIORITY.urgent,
    });
  }

  private async fulfil(payload: Record<string, unknown>): Promise<void> {
    const { email, next } = payload;
    if (typeof email !== 'string' || typeof next !== 'string') {
      throw new PermanentDeliveryError('The queued sign-in link request lacks an address or a path');
    }
    const account = await this.accounts.findByEmail(email);
    if (!account || !account.active) return;
    await this.db.transaction((manager) => this.links.send(manager, account, 'signin', next));
  }
}
