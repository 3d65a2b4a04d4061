import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { newSecretToken, tokenHash } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MAILER, MailTemplates, TEMPLATED_EMAIL_CHANNEL, type Mailer } from '@plaza/api/mail';
import { OUTBOX_PRIORITY, OutboxClock } from '@plaza/api/outbox';
import type { EntityManager } from 'typeorm';
import { confirmationDigestMail } from './confirmation-digest-mail';
import { confirmationMailValues, reportConfirmationTemplate, type ConfirmationMailInput } from './confirmation-mail';
import { PendingConfirmationsRepository } from './pending-confirmations.repository';
import type { FilingMail } from './report-filing.repository';

/** The longest digest: past it, the rest wait for the next confirmation (or expire). */
const DIGEST_MAX = 20;

/**
 * The confirmation mails of anonymous reports, with a cap per address (ABUSE_PENDING_CONFIRMATIONS_MAX):
 * while an address has that many confirmation mails pending, a new report is still accepted (an
 * accepted report is never refused afterwards) but mailed nothing: the mails already sent carry
 * links. When the reporter confirms one, a single digest mails fresh links for the held reports,
 * so a flood of filings under someone's address costs them at most the cap plus one digest per
 * confirmation they choose to make (docs/notifications.md#confirmation-cap).
 */
@Injectable()
export class ConfirmationMails implements OnModuleInit {
  constructor(
    private readonly pending: PendingConfirmationsRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: OutboxClock,
    private readonly templates: MailTemplates,
  ) {}

  /** The mail worker renders the queued confirmation mails (every replica runs one or may). */
  onModuleInit(): void {
    this.templates.register(reportConfirmationTemplate);
  }

  /**
   * The link's mail for a report about to be filed in one statement (ReportFilingRepository),
   * which decides under the address's lock whether it is sent or the report held, and adds what
   * only it knows: the reference, and whether the category moderates (which text applies). The
   * outbox keeps the mail's values; the worker renders it (reportConfirmationTemplate).
   */
  forFiling(mail: Omit<ConfirmationMailInput, 'ref' | 'reportId' | 'moderated'>): FilingMail {
    return {
      channel: TEMPLATED_EMAIL_CHANNEL,
      payload: JSON.stringify(confirmationMailValues(mail)),
      priority: OUTBOX_PRIORITY.bulk,
      now: this.clock.now(),
      cap: this.config.abuse.pendingConfirmationsMax,
    };
  }

  /** After a confirmation: one digest with fresh links for the address's held reports, if any. */
  async releaseHeld(manager: EntityManager, confirmedReportId: string): Promise<void> {
    const reporter = await this.pending.reporterOf(manager, confirmedReportId);
    if (!reporter) return;
    const held = await this.pending.lockHeld(manager, reporter.email, DIGEST_MAX);
    if (held.length === 0) return;
    const ttlHours = this.config.reportConfirmationTtlHours;
    const items = [];
    for (const report of held) {
      const token = newSecretToken();
      await this.pending.rearm(manager, report.id, tokenHash(token), ttlHours);
      items.push({ ref: report.ref, title: report.title, url: `${this.config.publicUrl}/confirm/${token}?lang=${reporter.locale}` });
    }
    await this.mailer.send(
      confirmationDigestMail({ to: reporter.email, name: reporter.name, locale: reporter.locale, confirmedReportId, items, ttlHours }),
      manager,
    );
  }
}
