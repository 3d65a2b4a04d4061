import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { UnsubscribeLinks } from '@plaza/api/outbox';
import { SchedulerService } from '@plaza/api/scheduler';
import { pickText, type LocalizedText } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { digestMail } from './alert-mails';
import {
  toRow,
  targetOf,
  AlertSubscriptionsRepository,
  type SubscriptionRow,
} from './alert-subscriptions.repository';
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

interface DigestMatch {
  subscription: SubscriptionRow;
  reportId: string;
  ref: string;
  title: string;
  categoryName: LocalizedText;
  reportAreaName: string | null;
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
  ) {}

  // From the digest hour (city time) the scheduler checks every minute until the day's run is done.
  onModuleInit(): void {
    if (!this.settings.worker) return;
    const dailyAt = `${String(this.settings.digestHour).padStart(2, '0')}:00`;
    this.scheduler.register({ name: 'alert-digest', schedule: { dailyAt }, run: () => this.runIfDue(this.clock.now()) });
  }

  /** Sends the previous day's digest if `now` is past today's digest hour and it is not sent yet. */
  async runIfDue(now: Date): Promise<DigestRun> {
    const local = localTime(now, this.settings.timeZone);
    if (local.hour < this.settings.digestHour) return { day: null, emails: 0 };
    const day = previousDay(local.day);
    if (!(await this.claim(day, now))) return { day: null, emails: 0 };

    const from = startOfLocalDay(day, this.settings.timeZone);
    const to = startOfLocalDay(local.day, this.settings.timeZone);
    let emails = 0;
    let cursor = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.db.transaction(async (manager) => {
        const ids: { id: string }[] = await manager.query(
          `SELECT id FROM alert_subscriptions
            WHERE frequency = 'daily' AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND id > $1
            ORDER BY id LIMIT $2`,
          [cursor, BATCH],
        );
        if (ids.length === 0) return null;
        const matches = await this.matches(
          manager,
          ids.map((r) => r.id),
          from,
          to,
        );
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
        await manager.query(`UPDATE alert_digest_runs SET started_at = $2 WHERE day = $1`, [
          day,
          this.clock.now(),
        ]);
        return { last: ids[ids.length - 1]!.id, sent };
      });
      if (!batch) break;
      cursor = batch.last;
      emails += batch.sent;
    }

    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE alert_digest_runs SET finished_at = $2, emails = emails + $3 WHERE day = $1`,
        [day, this.clock.now(), emails],
      );
      // Housekeeping rides on the daily run: addresses never confirmed are not kept.
      await this.subscriptions.purgeUnconfirmed(manager, new Date(now.getTime() - CONFIRMATION_TTL_MS));
    });
    this.logger.log(`Daily digest for ${day}: ${emails} email(s)`);
    return { day, emails };
  }

  /** True when this process now owns the day: unclaimed, or claimed by a replica that went silent. */
  private async claim(day: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO alert_digest_runs (day, started_at) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET started_at = EXCLUDED.started_at
         WHERE alert_digest_runs.finished_at IS NULL AND alert_digest_runs.started_at < $3
       RETURNING day`,
      [day, now, new Date(now.getTime() - CLAIM_LEASE_MS)],
    );
    return rows.length > 0;
  }

  /** The reports made public in [from, to) and still public, matched to these subscriptions. */
  private async matches(
    manager: EntityManager,
    subscriptionIds: string[],
    from: Date,
    to: Date,
  ): Promise<DigestMatch[]> {
    const rows = await manager.query(
      `WITH p AS (
         SELECT r.id, r.ref, r.title, r.category_id, r.area_id, r.location::geography AS g,
                c.name AS category_name, a.name AS area_name, j.published_at
           FROM alert_published_reports j
           JOIN reports r ON r.id = j.report_id
           JOIN categories c ON c.id = r.category_id
           LEFT JOIN areas a ON a.id = r.area_id
          WHERE j.published_at >= $2 AND j.published_at < $3 AND r.status NOT IN ('unconfirmed', 'hidden')
       )
       SELECT s.id, s.email, s.locale, s.scope, s.frequency, s.confirmed_at AS "confirmedAt",
              s.confirmation_sent_at AS "confirmationSentAt", s.unsubscribed_at AS "unsubscribedAt",
              sa.name AS "areaName", sc.name AS "categoryName",
              ST_Y(s.point::geometry) AS lat, ST_X(s.point::geometry) AS lon, s.radius_m AS radius,
              p.id::text AS "reportId", p.ref, p.title, p.category_name AS "reportCategoryName", p.area_name AS "reportAreaName"
         FROM alert_subscriptions s
         JOIN p ON (s.scope = 'area' AND s.area_id = p.area_id)
                OR (s.scope = 'category' AND s.category_id = p.category_id)
                OR (s.scope = 'radius' AND ST_DWithin(s.point, p.g, s.radius_m))
         LEFT JOIN areas sa ON sa.id = s.area_id
         LEFT JOIN categories sc ON sc.id = s.category_id
        WHERE s.id = ANY($1::uuid[])
        ORDER BY s.id, p.published_at, p.id`,
      [subscriptionIds, from, to],
    );
    return rows.map((raw: Record<string, unknown>) => ({
      subscription: toRow(raw),
      reportId: raw['reportId'] as string,
      ref: raw['ref'] as string,
      title: raw['title'] as string,
      categoryName: raw['reportCategoryName'] as LocalizedText,
      reportAreaName: (raw['reportAreaName'] as string | null) ?? null,
    }));
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
