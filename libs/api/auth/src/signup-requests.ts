import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { ConsentService } from '@plaza/api/consent';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { Outbox, OUTBOX_PRIORITY, OutboxChannels, PermanentDeliveryError } from '@plaza/api/outbox';
import { isLocale, type Locale } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { EmailLinkService } from './email-link.service';
import { safeNextPath } from './safe-next-path';
import { accountExistsMail } from './signup-mails';

/** The outbox channel that decides, after the request has answered, what a sign-up does. */
export const SIGNUP_CHANNEL = 'signup-request';

/** A sign-up as the request leaves it for the worker: checked, the password already hashed. */
export interface QueuedSignup {
  email: string;
  name: string;
  passwordHash: string;
  locale: Locale;
  /** The browser's language when the form was sent (the consent record's). */
  requestLocale: Locale;
}

/**
 * Sign-ups, answered alike for new and taken addresses (docs/security.md#sign-up): the request
 * hashes the password and queues one outbox message whoever the address belongs to, and answers
 * 202. The outbox worker then
 * - for a new address, creates the account (unusable until its address is proven) and mails the
 *   link that finishes the sign-up;
 * - for an address whose earlier sign-up was never finished, lets this one replace it and mails a
 *   fresh link;
 * - for an active account, mails its owner that someone tried to sign up with it, with the way in;
 * - for a deactivated account, does nothing.
 */
@Injectable()
export class SignupRequests implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: EmailLinkService,
    private readonly outbox: Outbox,
    private readonly channels: OutboxChannels,
    private readonly consent: ConsentService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.channels.register({
      channel: SIGNUP_CHANNEL,
      deliver: (payload) => this.fulfil(payload),
      recipientOf: (payload) => (typeof payload['email'] === 'string' ? payload['email'] : null),
    });
  }

  async queue(signup: QueuedSignup, nextPath: string): Promise<void> {
    await this.outbox.enqueue(this.db.manager, {
      channel: SIGNUP_CHANNEL,
      dedupeKey: `${SIGNUP_CHANNEL}:${randomUUID()}`,
      payload: { ...signup, next: nextPath },
      // Someone is waiting at the form for this mail.
      priority: OUTBOX_PRIORITY.urgent,
    });
  }

  private async fulfil(payload: Record<string, unknown>): Promise<void> {
    const { email, name, passwordHash, locale, requestLocale, next } = payload;
    if (typeof email !== 'string' || typeof name !== 'string' || typeof passwordHash !== 'string' || typeof locale !== 'string') {
      throw new PermanentDeliveryError('The queued sign-up lacks an address, a name or a password');
    }
    const lang: Locale = isLocale(locale) ? locale : 'es';
    const landing = typeof next === 'string' ? (safeNextPath(next, this.config.publicUrl) ?? '/') : '/';
    await this.db.transaction(async (manager) => {
      const existing = await this.accounts.findByEmail(email, manager);
      if (existing && existing.emailVerified) {
        if (!existing.active) return;
        await this.mailer.send(
          accountExistsMail({ to: existing.email, name: existing.name, locale: existing.locale, signInUrl: `${this.config.publicUrl}/signin` }),
          manager,
        );
        return;
      }
      const account = { name, passwordHash, locale: lang };
      let id = existing?.id;
      if (id) await this.accounts.replacePendingSignup(manager, id, account);
      else id = await this.accounts.insertCitizen(manager, { email, ...account });
      await this.consent.record(manager, {
        form: 'signup',
        channel: 'web',
        locale: isLocale(requestLocale) ? requestLocale : lang,
        userId: id,
      });
      await this.links.send(manager, { id, email, name, locale: lang }, 'signup', landing);
    });
  }
}
