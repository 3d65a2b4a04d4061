import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { EntityManager } from 'typeorm';
import { SigningSecret } from './signing-secret';
import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe-token';

/** What a feature tells the unsubscribe page about one kind of mail. */
export interface UnsubscribeHandler {
  /** What the link stops, in `locale` (e.g. "Updates about report 2026-000123"); null when the subject is gone. */
  describe(subject: string, locale: string): Promise<string | null>;
  /** Turns the subscription off, in the given transaction. Must be idempotent. */
  unsubscribe(manager: EntityManager, subject: string): Promise<void>;
}

/**
 * Signed unsubscribe links: a feature registers each kind of mail it sends with a way to describe
 * and stop it, and puts `url(kind, subject)` in its mails. Following the link needs no sign-in.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly handlers = new Map<string, UnsubscribeHandler>();

  constructor(
    private readonly secret: SigningSecret,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: UnsubscribeHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Unsubscribe kind "${kind}" is already registered`);
    this.handlers.set(kind, handler);
  }

  /** The public page that shows what the link stops and asks for confirmation. */
  url(kind: string, subject: string): string {
    return `${this.config.publicUrl}/unsubscribe/${this.token(kind, subject)}`;
  }

  token(kind: string, subject: string): string {
    return signUnsubscribeToken(unsubscribeKey(this.secret.get()), { kind, subject });
  }

  /**
   * The RFC 8058 one-click address (the API route that acts on POST) for a page URL made by
   * `url()`; other URLs are returned unchanged.
   */
  oneClickUrl(pageUrl: string): string {
    const prefix = `${this.config.publicUrl}/unsubscribe/`;
    return pageUrl.startsWith(prefix) ? `${this.config.publicUrl}/api/v1/unsubscribe/${pageUrl.slice(prefix.length)}` : pageUrl;
  }

  /** The claim and its handler, or null when the token is forged or its kind is unknown. */
  resolve(token: string): { claim: UnsubscribeClaim; handler: UnsubscribeHandler } | null {
    const claim = verifyUnsubscribeToken(unsubscribeKey(this.secret.get()), token);
    const handler = claim ? this.handlers.get(claim.kind) : undefined;
    return claim && handler ? { claim, handler } : null;
  }
}
