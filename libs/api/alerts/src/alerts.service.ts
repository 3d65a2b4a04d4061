import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newSecretToken, normalizeEmail, tokenHash } from '@plaza/api/auth';
import { ConsentService } from '@plaza/api/consent';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import { serverText } from '@plaza/api/i18n';
import { MAILER, matchLocale, type Mailer } from '@plaza/api/mail';
import { Outbox, OUTBOX_PRIORITY, OutboxChannels, PermanentDeliveryError, UnsubscribeLinks } from '@plaza/api/outbox';
import type { AlertConfirmResult, AlertSubscribeResult, FieldError, Locale } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { confirmationMail } from './alert-mails';
import { AlertSubscriptionsRepository, targetOf, type NewSubscription } from './alert-subscriptions.repository';
import { describeTarget } from './alert-texts';
import { AlertsClock } from './alerts-clock';
import { AlertsThrottle } from './alerts-throttle';
import type { CreateAlertDto } from './dto/create-alert.dto';
import { subscriptionIdOf } from './unsubscribe-subject';

/** The unsubscribe kind of every alert mail; the subject is the subscription's id (unsubscribe-subject.ts). */
export const ALERT_UNSUBSCRIBE_KIND = 'alert';

/** A confirmation link works this long; unconfirmed subscriptions are deleted after it. */
export const CONFIRMATION_TTL_MS = 7 * 24 * 3_600_000;

/** The outbox channel that files a subscription request after the request has answered. */
export const ALERT_SUBSCRIPTION_CHANNEL = 'alert-subscription';

/** What the form asked for, checked and resolved, waiting for the outbox worker. */
interface QueuedSubscription extends Omit<NewSubscription, 'tokenHash' | 'now'> {
  /** Decided at request time by the per-mailbox limit (counted for every request alike). */
  mailAllowed: boolean;
}

const SCOPE_FIELDS = { area: ['area'], radius: ['lat', 'lon', 'radius'], category: ['category'] } as const;

@Injectable()
export class AlertsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly subscriptions: AlertSubscriptionsRepository,
    private readonly links: UnsubscribeLinks,
    private readonly clock: AlertsClock,
    private readonly throttle: AlertsThrottle,
    private readonly consent: ConsentService,
    private readonly outbox: Outbox,
    private readonly channels: OutboxChannels,
  ) {}

  onModuleInit(): void {
    this.channels.register({
      channel: ALERT_SUBSCRIPTION_CHANNEL,
      deliver: (payload) => this.fulfil(payload),
      recipientOf: (payload) => (typeof payload['email'] === 'string' ? payload['email'] : null),
    });
    this.links.register(ALERT_UNSUBSCRIBE_KIND, {
      describe: async (subject, locale) => {
        const id = subscriptionIdOf(subject);
        const row = id ? await this.subscriptions.byId(this.db.manager, id) : null;
        // Still described once stopped (the target is kept, only the address is erased).
        if (!row) return null;
        const lang = matchLocale(locale);
        return serverText(lang, 'mail.alerts.unsubscribe', { where: describeTarget(targetOf(row, lang), lang) });
      },
      unsubscribe: async (manager, subject) => {
        const id = subscriptionIdOf(subject);
        if (id) await this.subscriptions.unsubscribe(manager, id, this.clock.now());
      },
    });
  }

  /**
   * Always "accepted", after the same work whatever the address's state (new, pending, already
   * confirmed, over its mail limit): the request checks the limits and the target, queues one
   * outbox message and answers 202. The outbox worker files the subscription and decides whether
   * a confirmation is mailed (fulfil), after the answer, so neither the answer nor its timing
   * tells anyone who is subscribed to what (docs/security.md#timing-of-email-taking-routes).
   */
  async subscribe(input: CreateAlertDto, locale: Locale, ip: string): Promise<AlertSubscribeResult> {
    refuseOtherScopeFields(input);
    await this.throttle.hitIp(ip);
    const email = normalizeEmail(input.email);
    const mailAllowed = await this.throttle.mailAllowed(email);
    const { areaId, categoryId } = await this.resolveTarget(this.db.manager, input);
    const request: QueuedSubscription = {
      email,
      locale,
      scope: input.scope,
      frequency: input.frequency,
      areaId,
      categoryId,
      point: input.scope === 'radius' ? { lat: input.lat!, lon: input.lon!, radius: input.radius! } : null,
      mailAllowed,
    };
    await this.outbox.enqueue(this.db.manager, {
      channel: ALERT_SUBSCRIPTION_CHANNEL,
      dedupeKey: `${ALERT_SUBSCRIPTION_CHANNEL}:${randomUUID()}`,
      payload: request as unknown as Record<string, unknown>,
      priority: OUTBOX_PRIORITY.bulk,
    });
    return { status: 'confirmation_sent' };
  }

  /** The outbox worker's half of subscribe: files the subscription and mails its link if due. */
  private async fulfil(payload: Record<string, unknown>): Promise<void> {
    const request = payload as unknown as QueuedSubscription;
    if (typeof request.email !== 'string' || typeof request.scope !== 'string') {
      throw new PermanentDeliveryError('The queued alert subscription lacks an address or a scope');
    }
    await this.db.transaction(async (manager) => {
      const token = newSecretToken();
      const now = this.clock.now();
      const { mailAllowed, ...subscription } = request;
      const { row, created } = await this.subscriptions.insertOrFind(manager, { ...subscription, tokenHash: tokenHash(token), now });
      if (created) await this.consent.record(manager, { form: 'alert', channel: 'web', locale: request.locale, alertId: row.id });
      // Already confirmed: nothing to do, and nothing to mail.
      if (row.confirmedAt || !mailAllowed) return;
      if (!created) await this.subscriptions.renewToken(manager, row.id, tokenHash(token), now, request.locale);
      await this.sendConfirmation(manager, { ...row, locale: request.locale }, request.email, token);
    });
  }

  async confirm(token: string, locale: Locale): Promise<AlertConfirmResult> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw unknownToken();
    return this.db.transaction(async (manager) => {
      const row = await this.subscriptions.byTokenHash(manager, tokenHash(token));
      const now = this.clock.now();
      if (!row) throw unknownToken();
      if (!row.confirmedAt && now.getTime() - row.confirmationSentAt.getTime() > CONFIRMATION_TTL_MS)
        throw unknownToken();
      await this.subscriptions.confirm(manager, row.id, now);
      return {
        status: 'confirmed',
        scope: row.scope,
        frequency: row.frequency,
        description: describeTarget(targetOf(row, locale), locale),
      };
    });
  }

  private async resolveTarget(
    manager: EntityManager,
    input: CreateAlertDto,
  ): Promise<{ areaId: string | null; categoryId: string | null }> {
    if (input.scope === 'area') {
      const area = await this.subscriptions.areaByCode(manager, input.area!);
      if (!area)
        throw DomainError.validation([
          { field: 'area', code: 'unknown', message: `There is no area "${input.area}".` },
        ]);
      return { areaId: area.id, categoryId: null };
    }
    if (input.scope === 'category') {
      const category = await this.subscriptions.categoryByCode(manager, input.category!);
      if (!category) {
        throw DomainError.validation([
          { field: 'category', code: 'unknown', message: `There is no category "${input.category}".` },
        ]);
      }
      return { areaId: null, categoryId: category.id };
    }
    return { areaId: null, categoryId: null };
  }

  private async sendConfirmation(
    manager: EntityManager,
    row: Parameters<typeof targetOf>[0] & {
      id: string;
      locale: Locale;
      frequency: CreateAlertDto['frequency'];
    },
    email: string,
    token: string,
  ): Promise<void> {
    const mail = confirmationMail({
      email,
      locale: row.locale,
      target: targetOf(row, row.locale),
      frequency: row.frequency,
      // The page opens in the language the alert was made in, as the mail is written.
      confirmUrl: `${this.config.publicUrl}/alerts/confirm/${token}?lang=${row.locale}`,
    });
    // One mail per token: a retried transaction never mails the same link twice.
    await this.mailer.send(
      { ...mail, dedupeKey: `alert-confirm:${row.id}:${tokenHash(token).slice(0, 16)}` },
      manager,
    );
  }
}

function refuseOtherScopeFields(input: CreateAlertDto): void {
  const allowed: readonly string[] = SCOPE_FIELDS[input.scope];
  const errors: FieldError[] = Object.values(SCOPE_FIELDS)
    .flat()
    .filter(
      (field) =>
        !allowed.includes(field) && (input as unknown as Record<string, unknown>)[field] !== undefined,
    )
    .map((field) => ({
      field,
      code: 'not_allowed',
      message: `${field} does not apply to scope "${input.scope}".`,
    }));
  if (errors.length) throw DomainError.validation(errors);
}

function unknownToken(): DomainError {
  return new DomainError(
    'ALERT.UNKNOWN_TOKEN',
    'not_found',
    'This confirmation link is not valid any more: it expired, or the alert was cancelled. Subscribe again.',
  );
}
