import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MAILER, type Mailer } from '@plaza/api/mail';
import type { EntityManager } from 'typeorm';
import { AccountsRepository, type LinkPurpose } from './accounts.repository';
import { invitationMail, signInLinkMail } from './auth-mails';
import { signupLinkMail } from './signup-mails';
import { signInLinkUrl } from './safe-next-path';
import { newSecretToken, tokenHash } from './secret-token';

export const LINK_VALIDITY_MINUTES = {
  /** A link someone just asked for. */
  signin: 15,
  /** The first link of an account an admin created: people read such mail later in the day. */
  invite: 72 * 60,
  /** The link that finishes a sign-up: the new account waits for it, unusable, until then. */
  signup: 24 * 60,
} as const;

export interface LinkRecipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** One-time sign-in links: 32 random bytes, only their hash stored, single use, short-lived. */
@Injectable()
export class EmailLinkService {
  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the token and mails the link, both in the caller's transaction. */
  async send(
    manager: EntityManager,
    user: LinkRecipient,
    purpose: LinkPurpose,
    nextPath: string,
  ): Promise<void> {
    const token = newSecretToken();
    const validMinutes = LINK_VALIDITY_MINUTES[purpose];
    await this.accounts.insertLinkToken(manager, {
      tokenHash: tokenHash(token),
      userId: user.id,
      purpose,
      nextPath,
      validMinutes,
    });
    const mail = {
      to: user.email,
      name: user.name,
      locale: user.locale,
      url: signInLinkUrl(this.config.publicUrl, token, nextPath),
      validMinutes,
    };
    const outgoing = purpose === 'invite' ? invitationMail(mail) : purpose === 'signup' ? signupLinkMail(mail) : signInLinkMail(mail);
    await this.mailer.send(outgoing, manager);
  }

  /** Spends a link, and every other one the user still had. Null when it was not live. */
  async consume(manager: EntityManager, token: string): Promise<{ userId: string; nextPath: string; purpose: LinkPurpose } | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const spent = await this.accounts.consumeLinkToken(manager, tokenHash(token));
    if (spent) await this.accounts.expireLinkTokens(manager, spent.userId);
    return spent;
  }
}
