import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { TimelineListeners, type ReportTimelineEvent } from '@plaza/api/events';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { Outbox, OutboxChannels, PermanentDeliveryError, UnsubscribeLinks } from '@plaza/api/outbox';
import { isPublicStatus } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { instantAlertMail } from './alert-mails';
import { categoryLabel, matchingSubscriptions, publishedReport, recordPublication } from './alert-matching.repository';
import { targetOf } from './alert-subscriptions.repository';
import { AlertsClock } from './alerts-clock';
import { ALERT_UNSUBSCRIBE_KIND } from './alerts.service';
import { subjectOf } from './unsubscribe-subject';

/** The outbox channel that continues a large fan-out after the publishing transaction commits. */
export const ALERT_FANOUT_CHANNEL = 'alert-fanout';

/**
 * Alert mails queued inside one transaction. Publishing a report never waits for more than this
 * many: beyond it, the rest is handed to the outbox (see `alertBatch`).
 */
export const INSTANT_BATCH = 100;

/** A report enters public view: filed public, confirmed by moderation, or shown again after hiding. */
export function becomesPublic(event: Pick<ReportTimelineEvent, 'from' | 'to'>): boolean {
  return isPublicStatus(event.to) && (event.from === null || !isPublicStatus(event.from));
}

/**
 * Instant alerts: the moment a report becomes public, one mail per matching confirmed instant
 * subscription is queued in the very transaction that published it, so nothing is sent for a
 * change that rolls back and nothing is lost for one that commits. The dedupe key
 * `alert:{subscription}:{report}` and the publication journal make sure a report never alerts
 * anyone twice.
 *
 * A report that matches thousands of subscriptions would hold its transaction (and the person
 * filing it) for seconds — about 3 ms per mail, measured with `npm run bench:alerts`. So the
 * first INSTANT_BATCH mails go in that transaction and, in the same transaction, one outbox
 * message takes over the rest: the worker continues after commit, batch by batch, each batch in
 * its own transaction, retried by the outbox until done. Atomicity is kept (the continuation
 * commits or rolls back with the report).
 */
@Injectable()
export class InstantAlerts implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listeners: TimelineListeners,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly outbox: Outbox,
    private readonly channels: OutboxChannels,
    private readonly links: UnsubscribeLinks,
    private readonly clock: AlertsClock,
  ) {}

  onModuleInit(): void {
    this.listeners.onReportEvent((manager, event) => this.onReportEvent(manager, event));
    this.channels.register({
      channel: ALERT_FANOUT_CHANNEL,
      deliver: async (payload) => {
        const { reportId, after } = payload;
        if (typeof reportId !== 'string' || typeof after !== 'string')
          throw new PermanentDeliveryError('Malformed alert fan-out');
        const sent = await this.db.transaction((manager) => this.alertBatch(manager, reportId, after));
        return `${sent} alert(s)`;
      },
    });
  }

  async onReportEvent(manager: EntityManager, event: ReportTimelineEvent): Promise<void> {
    if (!becomesPublic(event)) return;
    if (!(await recordPublication(manager, event.reportId, this.clock.now()))) return;
    await this.alertBatch(manager, event.reportId, null);
  }

  /**
   * Queues the alerts of one batch of subscribers (ids after `after`); when the batch is full,
   * queues its own continuation. Stops if the report was hidden meanwhile: it is no longer public.
   */
  private async alertBatch(manager: EntityManager, reportId: string, after: string | null): Promise<number> {
    const report = await publishedReport(manager, reportId);
    if (!report || !isPublicStatus(report.status)) return 0;
    const subscriptions = await matchingSubscriptions(
      manager,
      { reportId: report.id, areaId: report.areaId, categoryId: report.categoryId },
      'instant',
      { after, limit: INSTANT_BATCH },
    );
    for (const subscription of subscriptions) {
      if (!subscription.email) continue;
      const unsubscribeUrl = this.links.url(ALERT_UNSUBSCRIBE_KIND, subjectOf(subscription.id));
      const mail = instantAlertMail({
        email: subscription.email,
        locale: subscription.locale,
        target: targetOf(subscription, subscription.locale),
        report: {
          ref: report.ref,
          title: report.title,
          categoryName: categoryLabel(report, subscription.locale),
          areaName: report.areaName,
          url: `${this.config.publicUrl}/reports/${report.ref}`,
        },
        unsubscribeUrl,
      });
      await this.mailer.send({ ...mail, dedupeKey: `alert:${subscription.id}:${report.id}` }, manager);
    }
    const last = subscriptions.at(-1);
    if (subscriptions.length === INSTANT_BATCH && last) {
      await this.outbox.enqueue(manager, {
        channel: ALERT_FANOUT_CHANNEL,
        dedupeKey: `alert-fanout:${report.id}:${last.id}`,
        payload: { reportId: report.id, after: last.id },
      });
    }
    return subscriptions.length;
  }
}
