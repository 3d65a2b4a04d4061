import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService, subjectOfReport, subjectOfUser } from '@plaza/api/audit';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { ConsentRepository } from '@plaza/api/consent';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { SchedulerService } from '@plaza/api/scheduler';
import { PersonalDataRepository } from './personal-data.repository';
import { inactivityWarningMail } from './privacy-mails';
import { RetentionClock } from './retention-clock';

const DAY_MS = 86_400_000;
/** Inactive citizens are warned this many days before their account is erased. */
export const INACTIVITY_WARNING_DAYS = 30;
/** Kept mail and finished outbox payloads are purged after this many days (the outbox retry window is far shorter). */
export const MAIL_RETENTION_DAYS = 30;
/** Rows per transaction: a big first run proceeds in short transactions instead of one long lock. */
const BATCH = 200;

export interface RetentionCounts {
  contactsErased: number;
  accountsWarned: number;
  accountsErased: number;
  mailsPurged: number;
}

/**
 * The daily retention sweep (docs/privacy.md, "Retention"): reporters' contact erased
 * RETENTION_CONTACT_DAYS after their case closed, inactive citizen accounts warned and then erased
 * after RETENTION_INACTIVE_DAYS, old kept mail and delivered outbox payloads purged. The scheduler
 * runs it on one replica per day; every step is idempotent and batched with SKIP LOCKED or
 * per-row transactions, so a run taken over after a crash simply continues. Logs counts only.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly data: PersonalDataRepository,
    private readonly consents: ConsentRepository,
    private readonly audit: AuditService,
    private readonly scheduler: SchedulerService,
    private readonly clock: RetentionClock,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'privacy-retention', schedule: { dailyAt: '03:30' }, run: (_slot, stop) => this.run(stop) });
  }

  /**
   * One sweep. `stop` (the scheduler's, aborted on shutdown) is checked between batches and
   * accounts: a stopped sweep throws JobStopped with what it did so far logged, and the next run
   * continues where it left off.
   */
  async run(stop?: AbortSignal): Promise<RetentionCounts> {
    const now = this.clock.now();
    const counts: RetentionCounts = { contactsErased: 0, accountsWarned: 0, accountsErased: 0, mailsPurged: 0 };
    const checkStop = (): void => {
      if (!stop?.aborted) return;
      this.logger.log(`Retention stopped before the end: ${JSON.stringify(counts)}`);
      stop.throwIfAborted();
    };
    const closedBefore = new Date(now.getTime() - this.config.retention.contactDays * DAY_MS);
    let afterId = '0';
    for (;;) {
      checkStop();
      const batch = await this.data.transaction(async (manager) => {
        const erased = await this.data.eraseClosedCaseContacts(manager, { closedBefore, erasedAt: now, afterId, limit: BATCH });
        await this.audit.forget(manager, erased.refs.map(subjectOfReport));
        return erased;
      });
      counts.contactsErased += batch.refs.length;
      if (batch.refs.length < BATCH || batch.lastId === null) break;
      afterId = batch.lastId;
    }
    checkStop();

    // Before this run's warnings are written, so they are not purged with the old mail.
    counts.mailsPurged = await this.data.transaction((manager) =>
      this.data.purgeOldMail(manager, new Date(now.getTime() - MAIL_RETENTION_DAYS * DAY_MS)),
    );

    await this.data.transaction((manager) => this.data.clearStaleWarnings(manager));
    const inactiveSince = new Date(now.getTime() - this.config.retention.inactiveDays * DAY_MS);
    const warnSince = new Date(inactiveSince.getTime() + INACTIVITY_WARNING_DAYS * DAY_MS);
    for (const user of await this.data.inactiveToWarn(warnSince, 1000)) {
      checkStop();
      await this.data.transaction(async (manager) => {
        await this.data.markWarned(manager, user.id, now);
        await this.mailer.send(
          inactivityWarningMail({
            to: user.email,
            name: user.name,
            locale: user.locale,
            url: `${this.config.publicUrl}/login`,
            days: INACTIVITY_WARNING_DAYS,
          }),
          manager,
        );
      });
      counts.accountsWarned += 1;
    }
    const warnedBefore = new Date(now.getTime() - INACTIVITY_WARNING_DAYS * DAY_MS);
    checkStop();
    for (const user of await this.data.inactiveToErase(inactiveSince, warnedBefore, 1000)) {
      checkStop();
      await this.data.transaction(async (manager) => {
        const refs = (await this.data.reportsOf(user.id, manager)).map((r) => r.ref);
        await this.consents.unlinkUser(manager, user.id);
        const erased = await this.data.eraseAccount(manager, user.id, user.email);
        await this.audit.record(manager, { actor: null, action: 'user.erase_inactive', entityType: 'user', entityId: user.id, after: erased });
        await this.audit.forget(manager, [subjectOfUser(user.id), ...refs.map(subjectOfReport)]);
      });
      counts.accountsErased += 1;
    }

    this.logger.log(`Retention: ${JSON.stringify(counts)}`);
    return counts;
  }
}
