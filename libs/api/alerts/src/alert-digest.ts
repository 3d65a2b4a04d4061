import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { UnsubscribeLinks } from '@plaza/api/outbox';
import { SchedulerService } from '@plaza/api/scheduler';
import { pickText } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { digestMail } from './alert-mails';
import { AlertDigestRepository, type DigestMatch } from './alert-digest.repository';
import { targetOf, AlertSubscriptionsRepository } from './alert-subscriptions.repository';
import type { AlertReport } from './alert-texts';
import { ALERTS_CONFIG, type AlertsConfig } from './alerts-config';
import { AlertsClock } from './alerts-clock';
import { subjectOf } from './unsubscribe-subject';
import { ALERT_UNSUBSCRIBE_KIND, CONFIRMATION_TTL_MS } from './alerts.service';
import { localTime, previousDay, startOfLocalDay } from './local-day';

/** Subscriptions handled per transaction: short transactions, bounded memory. */
const BATCH = 500;
/** A replica that claimed a day and went silent this long is presumed dead; another takes over. */
const CLAIM_LEASE_MS = 15 * 60_000;

export interface DigestRun {
  /** The day whose reports were sent (YYYY-MM-DD, city time), or null when nothing was due. */
  day: string | null;
  emails: number;
}

/**
 * The daily digest: once a day, from ALERT_DIGEST_HOUR (city time), every confirmed daily
 * subscription gets the reports made public the previous day — or nothing when there were none.
 *
 * Exactly once per subscription and day, with any number of replicas and restarts: the day is
 * claimed in `alert_digest_runs` (a lease, so a crashed replica's day is finished by another),
 * and every mail carries the dedupe key `alert-digest:{subscription}:{day}`, so even two replicas
 * working on one day, or a resumed run, cannot mail anyone twice.
 */
@Injectable()
export class AlertDigest implements OnModuleInit {
  private readonly logger = new Logger('AlertDigest');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ALERTS_CONFIG) private readonly settings: AlertsConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly links: UnsubscribeLinks,
    private readonly subscriptions: AlertSubscriptionsRepository,
    private readonly clock: AlertsClock,
    private readonly scheduler: SchedulerService,
    private readonly runs: AlertDigestRepository,
  ) {}

  // From the digest hour (city time) the scheduler checks every minute until the day's run is done.
  onModuleInit(): void {
    if (!this.settings.worker) return;
    const dailyAt = `${String(this.settings.digestHour).padStart(2, '0')}:00`;
    this.scheduler.register({ name: 'alert-digest', schedule: { dailyAt }, run: (_slot, stop) => this.runIfDue(this.clock.now(), stop) });
  }

  /**
   * Sends the previous day's digest if `now` is past today's digest hour and it is not sent yet.
   * When `stop` is aborted (the process shuts down) the run stops before its next batch and hands
   * the day back, so the next check on any replica resumes it at once instead of after the claim's
   * lease; the mails already queued are not sent twice (their dedupe keys).
   */
  async runIfDue(now: Date, stop?: AbortSignal): Promise<DigestRun> {
    const local = localTime(now, this.settings.timeZone);
    if (local.hour < this.settings.digestHour) return { day: null, emails: 0 };
    const day = previousDay(local.day);
    if (!(await this.claim(day, now))) return { day: null, emails: 0 };

    const from = startOfLocalDay(day, this.settings.timeZone);
    const to = startOfLocalDay(local.day, this.settings.timeZone);
    let emails = 0;
    let cursor = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      if (stop?.aborted) {
        await this.runs.releaseClaim(day);
        stop.throwIfAborted();
      }
      const batch = await this.db.transaction(async (manager) => {
        const ids = await this.runs.dailySubscriptionIds(manager, cursor, BATCH);
        if (ids.length === 0) return null;
        const matches = await this.runs.matches(manager, ids, from, to);
        let sent = 0;
        for (const [subscriptionId, found] of groupBySubscription(matches)) {
          const subscription = found[0]!.subscription;
          if (!subscription.email) continue;
          const locale = subscription.locale;
          const reports: AlertReport[] = found.map((m) => ({
            ref: m.ref,
            title: m.title,
            categoryName: pickText(m.categoryName, locale),
            areaName: m.reportAreaName,
            url: `${this.config.publicUrl}/reports/${m.ref}`,
          }));
          const mail = digestMail({
            email: subscription.email,
            locale,
            target: targetOf(subscription, locale),
            day,
            reports,
            mapUrl: `${this.config.publicUrl}/`,
            unsubscribeUrl: this.links.url(ALERT_UNSUBSCRIBE_KIND, subjectOf(subscriptionId)),
          });
          await this.mailer.send({ ...mail, dedupeKey: `alert-digest:${subscriptionId}:${day}` }, manager);
          sent += 1;
        }
        await this.runs.renewClaim(manager, day, this.clock.now());
        return { last: ids[ids.length - 1]!, sent };
      });
      if (!batch) break;
      cursor = batch.last;
      emails += batch.sent;
    }

    await this.db.transaction(async (manager) => {
      await this.runs.finish(manager, day, this.clock.now(), emails);
      // Housekeeping rides on the daily run: addresses never confirmed are not kept.
      await this.subscriptions.purgeUnconfirmed(manager, new Date(now.getTime() - CONFIRMATION_TTL_MS));
    });
    this.logger.log(`Daily digest for ${day}: ${emails} email(s)`);
    return { day, emails };
  }

  /** True when this process now owns the day: unclaimed, or claimed by a replica that went silent. */
  private async claim(day: string, now: Date): Promise<boolean> {
    return this.runs.claimDay(day, now, new Date(now.getTime() - CLAIM_LEASE_MS));
  }
}

function groupBySubscription(matches: DigestMatch[]): Map<string, DigestMatch[]> {
  const groups = new Map<string, DigestMatch[]>();
  for (const match of matches) {
    const list = groups.get(match.subscription.id) ?? [];
    list.push(match);
    groups.set(match.subscription.id, list);
  }
  return groups;
}
